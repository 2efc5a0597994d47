using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Demo;

/// <summary>
/// The shape of content/demo/demo-data.json: a fictional data set for demonstrations and tests. It holds ID numbers
/// and phones in the clear (they are invented); the loader encrypts them like real ones.
/// </summary>
/// <param name="AsOf">The day the data describes; the loader can move every date so that this day is recent.</param>
public sealed record DemoDataSet(
    string Description,
    DateOnly AsOf,
    IReadOnlyList<DemoRegion> Regions,
    IReadOnlyList<DemoDoctorTeam> DoctorTeams,
    IReadOnlyList<DemoHousehold> Households)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static DemoDataSet Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<DemoDataSet>(stream, JsonOptions)
                ?? throw new InvalidDataException($"The demo data file {path} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The demo data file {path} is not valid: {exception.Message}", exception);
        }
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}

public sealed record DemoRegion(string Code, string Name, RegionLevel Level, string? ParentCode = null);

/// <param name="Key">Referred to by contracts and follow-ups in this file only.</param>
public sealed record DemoDoctorTeam(
    string Key,
    string Name,
    string Institution,
    HealthInstitutionKind InstitutionKind,
    string TownshipCode,
    string Phone,
    IReadOnlyList<DemoFamilyDoctor> FamilyDoctors);

public sealed record DemoFamilyDoctor(string Key, string Name, FamilyDoctorRole Role, string Phone);

public sealed record DemoHousehold(
    string VillageCode,
    string Address,
    bool IsRegisteredPoor,
    IReadOnlyList<DemoMember> Members,
    IReadOnlyList<DemoDoctorContract> DoctorContracts);

public sealed record DemoMember(
    string Name,
    RelationToHead RelationToHead,
    string IdNumber,
    string? Phone,
    bool IsPolicyLiterateMember,
    IReadOnlyList<DemoChronicCertification> ChronicCertifications,
    IReadOnlyList<DemoFollowUp> FollowUps,
    IReadOnlyList<DemoInpatientStay> InpatientStays);

/// <param name="MemberIndex">The member the contract is for (index in the household's members); null for the whole household.</param>
public sealed record DemoDoctorContract(
    string TeamKey,
    DateOnly SignedOn,
    DateOnly TermStart,
    DateOnly TermEnd,
    DoctorContractStatus Status,
    ContractServices Services,
    int? MemberIndex = null,
    string? TerminationReason = null);

public sealed record DemoChronicCertification(
    ChronicDisease Disease,
    CertificationStatus Status,
    DateOnly AppliedOn,
    string Institution,
    DateOnly? DecidedOn = null,
    string? RejectionReason = null,
    string? NextStep = null,
    DateOnly? NextStepDueOn = null);

public sealed record DemoFollowUp(DateOnly Date, FollowUpKind Kind, string DoctorKey, string Findings, DateOnly? NextDueOn = null);

/// <param name="Settlement">Computed by <see cref="SettlementEstimator"/> with the county's policy set when the file was generated.</param>
public sealed record DemoInpatientStay(
    string HospitalName,
    HospitalLevel HospitalLevel,
    bool InCounty,
    bool HasReferral,
    bool IsDesignatedHospital,
    bool IsEmergency,
    DateOnly AdmittedOn,
    DateOnly DischargedOn,
    string Diagnosis,
    SettlementBreakdown Settlement,
    ExclusionReason? Exclusion = null)
{
    /// <param name="shift">Moves the dates (see <see cref="DemoDataLoader"/>); null keeps them.</param>
    public InpatientStay ToInpatientStay(Func<DateOnly, DateOnly>? shift = null) => new()
    {
        HospitalName = HospitalName,
        HospitalLevel = HospitalLevel,
        InCounty = InCounty,
        HasReferral = HasReferral,
        IsDesignatedHospital = IsDesignatedHospital,
        IsEmergency = IsEmergency,
        AdmittedOn = shift?.Invoke(AdmittedOn) ?? AdmittedOn,
        DischargedOn = shift?.Invoke(DischargedOn) ?? DischargedOn,
        Diagnosis = Diagnosis,
        Exclusion = Exclusion,
        Settlement = Settlement,
    };
}
