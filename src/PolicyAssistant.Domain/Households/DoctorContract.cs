namespace PolicyAssistant.Domain.Households;

public enum DoctorContractStatus
{
    Active,
    Expired,
    Terminated,
}

/// <summary>The services a contract includes (seed 001, 三(六)–(八)).</summary>
[Flags]
public enum ContractServices
{
    None = 0,
    BasicMedicalCare = 1,
    PublicHealth = 2,
    HealthAssessment = 4,
    ChronicDiseaseManagement = 8,
    HomeVisit = 16,
    ReferralGuidance = 32,
    HealthEducation = 64,
}

/// <summary>家庭医生签约: a team's contract with a whole household, or with one member of it.</summary>
public sealed class DoctorContract
{
    public int Id { get; set; }

    public int HouseholdId { get; set; }

    public Household? Household { get; set; }

    /// <summary>Null when the contract covers the whole household.</summary>
    public int? MemberId { get; set; }

    public Member? Member { get; set; }

    public int DoctorTeamId { get; set; }

    public DoctorTeam? DoctorTeam { get; set; }

    public DateOnly SignedOn { get; set; }

    public DateOnly TermStart { get; set; }

    public DateOnly TermEnd { get; set; }

    /// <summary>As recorded; see <see cref="StatusOn"/> for the status on a given day.</summary>
    public DoctorContractStatus Status { get; set; }

    public ContractServices Services { get; set; }

    public string? TerminationReason { get; set; }

    /// <summary>An active contract past its term has expired even if nobody has recorded it yet.</summary>
    public DoctorContractStatus StatusOn(DateOnly date) =>
        Status == DoctorContractStatus.Active && date > TermEnd ? DoctorContractStatus.Expired : Status;

    public bool Covers(Member member) => MemberId is { } memberId ? memberId == member.Id : member.HouseholdId == HouseholdId;
}
