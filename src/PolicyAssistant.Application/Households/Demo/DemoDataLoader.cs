using Microsoft.Extensions.Logging.Abstractions;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Households.Demo;

// The sibling folder Households/FamilyDoctor is also a namespace named FamilyDoctor.
using FamilyDoctor = PolicyAssistant.Domain.Households.FamilyDoctor;

public sealed record DemoDataLoadResult(bool Loaded, int Households, int Members, int YearsShifted)
{
    public static readonly DemoDataLoadResult Skipped = new(false, 0, 0, 0);
}

/// <summary>
/// Loads the demo data set into a database that has no households yet; does nothing when it has some, so it can
/// run at every startup. Everything goes in with one SaveChanges inside one transaction.
/// </summary>
public sealed class DemoDataLoader(PolicyAssistantDbContext db, PersonalDataProtector protector, ILogger<DemoDataLoader>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DemoDataLoader>.Instance;

    /// <param name="today">When given, every date moves by whole years so the data's “as of” day falls in the last year; null keeps the dates as written.</param>
    public Task<DemoDataLoadResult> LoadAsync(string path, DateOnly? today, CancellationToken cancellationToken) =>
        LoadAsync(DemoDataSet.Read(path), today, cancellationToken);

    public async Task<DemoDataLoadResult> LoadAsync(DemoDataSet data, DateOnly? today, CancellationToken cancellationToken)
    {
        if (await db.Set<Household>().AnyAsync(cancellationToken))
        {
            _logger.LogInformation("Households exist; demo data not loaded.");
            return DemoDataLoadResult.Skipped;
        }

        var years = today is { } day ? YearsToShift(data.AsOf, day) : 0;
        var shift = (DateOnly date) => date.AddYears(years);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var regions = await AddRegionsAsync(data.Regions, cancellationToken);
            var (teams, doctors) = AddDoctorTeams(data.DoctorTeams, regions);
            var households = data.Households.Select((household, index) => ToHousehold(household, index, regions, teams, doctors, shift)).ToList();
            db.AddRange(households);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var members = households.Sum(household => household.Members.Count);
            _logger.LogInformation("Demo data loaded: {Households} households, {Members} members, dates moved {Years} years.", households.Count, members, years);
            return new DemoDataLoadResult(true, households.Count, members, years);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whole years that bring <paramref name="asOf"/> into the year up to <paramref name="today"/>; never backwards.</summary>
    public static int YearsToShift(DateOnly asOf, DateOnly today)
    {
        var years = today.Year - asOf.Year;
        if (asOf.AddYears(years) > today)
        {
            years--;
        }

        return Math.Max(0, years);
    }

    private async Task<Dictionary<string, Region>> AddRegionsAsync(IReadOnlyList<DemoRegion> demoRegions, CancellationToken cancellationToken)
    {
        // Regions another feature already created are reused, so the codes stay unique.
        var regions = await db.Set<Region>().ToDictionaryAsync(region => region.Code, cancellationToken);
        foreach (var demo in demoRegions)
        {
            if (regions.ContainsKey(demo.Code))
            {
                continue;
            }

            Region? parent = null;
            if (demo.ParentCode is { } parentCode && !regions.TryGetValue(parentCode, out parent))
            {
                throw new InvalidDataException($"Demo region {demo.Code} names parent {parentCode}, which comes nowhere before it.");
            }

            if (!Region.IsValidCode(demo.Code, demo.Level, demo.ParentCode))
            {
                throw new InvalidDataException($"Demo region {demo.Code} is not a valid {demo.Level} code under {demo.ParentCode}.");
            }

            var region = new Region { Code = demo.Code, Name = demo.Name, Level = demo.Level, Parent = parent };
            regions.Add(demo.Code, region);
            db.Add(region);
        }

        return regions;
    }

    private (Dictionary<string, DoctorTeam> Teams, Dictionary<string, FamilyDoctor> Doctors) AddDoctorTeams(
        IReadOnlyList<DemoDoctorTeam> demoTeams, Dictionary<string, Region> regions)
    {
        var teams = new Dictionary<string, DoctorTeam>();
        var doctors = new Dictionary<string, FamilyDoctor>();
        foreach (var demo in demoTeams)
        {
            var team = new DoctorTeam
            {
                Name = demo.Name,
                Institution = demo.Institution,
                InstitutionKind = demo.InstitutionKind,
                Township = Lookup(regions, demo.TownshipCode, $"doctor team {demo.Key}"),
                Phone = demo.Phone,
                FamilyDoctors = demo.FamilyDoctors.Select(doctor => new FamilyDoctor { Name = doctor.Name, Role = doctor.Role, Phone = doctor.Phone }).ToList(),
            };
            teams.Add(demo.Key, team);
            foreach (var (key, doctor) in demo.FamilyDoctors.Select(d => d.Key).Zip(team.FamilyDoctors))
            {
                doctors.Add(key, doctor);
            }

            db.Add(team);
        }

        return (teams, doctors);
    }

    private Household ToHousehold(
        DemoHousehold demo,
        int index,
        Dictionary<string, Region> regions,
        Dictionary<string, DoctorTeam> teams,
        Dictionary<string, FamilyDoctor> doctors,
        Func<DateOnly, DateOnly> shift)
    {
        var where = $"demo household {index}";
        var members = demo.Members.Select(member => ToMember(member, where, doctors, shift)).ToList();
        return new Household
        {
            Village = Lookup(regions, demo.VillageCode, where),
            Address = demo.Address,
            IsRegisteredPoor = demo.IsRegisteredPoor,
            Members = members,
            DoctorContracts = demo.DoctorContracts.Select(contract => new DoctorContract
            {
                DoctorTeam = Lookup(teams, contract.TeamKey, where),
                Member = contract.MemberIndex is { } memberIndex ? members[memberIndex] : null,
                SignedOn = shift(contract.SignedOn),
                TermStart = shift(contract.TermStart),
                TermEnd = shift(contract.TermEnd),
                Status = contract.Status,
                Services = contract.Services,
                TerminationReason = contract.TerminationReason,
            }).ToList(),
        };
    }

    private Member ToMember(DemoMember demo, string where, Dictionary<string, FamilyDoctor> doctors, Func<DateOnly, DateOnly> shift)
    {
        if (!IdNumber.TryParse(demo.IdNumber, out var idNumber))
        {
            throw new InvalidDataException($"A member of {where} has an invalid ID number ({IdNumber.Check(demo.IdNumber)}).");
        }

        PhoneNumber? phone = null;
        if (demo.Phone is not null && !PhoneNumber.TryParse(demo.Phone, out phone))
        {
            throw new InvalidDataException($"A member of {where} has an invalid phone number.");
        }

        var member = Member.Create(demo.Name, demo.RelationToHead, idNumber, phone, protector);
        member.IsPolicyLiterateMember = demo.IsPolicyLiterateMember;
        member.ChronicCertifications = demo.ChronicCertifications.Select(c => ToCertification(c, shift)).ToList();
        member.FollowUps = demo.FollowUps.Select(followUp => new FollowUp
        {
            Date = shift(followUp.Date),
            Kind = followUp.Kind,
            FamilyDoctor = Lookup(doctors, followUp.DoctorKey, where),
            Findings = followUp.Findings,
            NextDueOn = followUp.NextDueOn is { } due ? shift(due) : null,
        }).ToList();
        member.InpatientStays = demo.InpatientStays.Select(stay => stay.ToInpatientStay(shift)).ToList();
        return member;
    }

    private static ChronicCertification ToCertification(DemoChronicCertification demo, Func<DateOnly, DateOnly> shift)
    {
        var certification = new ChronicCertification
        {
            Disease = demo.Disease,
            AppliedOn = shift(demo.AppliedOn),
            Institution = demo.Institution,
            NextStep = demo.NextStep,
            NextStepDueOn = demo.NextStepDueOn is { } due ? shift(due) : null,
        };
        var decidedOn = demo.DecidedOn is { } decided ? shift(decided) : certification.AppliedOn;
        switch (demo.Status)
        {
            case CertificationStatus.Certified:
                certification.Certify(decidedOn, demo.NextStep);
                break;
            case CertificationStatus.Rejected:
                certification.Reject(decidedOn, demo.RejectionReason ?? "未说明原因", demo.NextStep, certification.NextStepDueOn);
                break;
        }

        return certification;
    }

    private static T Lookup<T>(Dictionary<string, T> items, string key, string where) =>
        items.TryGetValue(key, out var item) ? item : throw new InvalidDataException($"{where} refers to unknown '{key}'.");
}
