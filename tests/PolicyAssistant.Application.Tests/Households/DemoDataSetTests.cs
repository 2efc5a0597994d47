using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Tests.Households;

/// <summary>The committed demo data: fictional, consistent with the estimator, and covering every status.</summary>
public sealed class DemoDataSetTests
{
    private static readonly DemoDataSet Data = Content.DemoData;

    private static IEnumerable<(DemoHousehold Household, DemoMember Member)> Members =>
        Data.Households.SelectMany(household => household.Members.Select(member => (household, member)));

    private static IEnumerable<(DemoHousehold Household, DemoInpatientStay Stay)> Stays =>
        Members.SelectMany(pair => pair.Member.InpatientStays.Select(stay => (pair.Household, stay)));

    [Fact]
    public void Read_DemoFile_HasAtLeast300MembersInBothCounties()
    {
        var byCounty = Members.GroupBy(pair => pair.Household.VillageCode[..6]).ToDictionary(group => group.Key, group => group.Count());

        Assert.True(byCounty.Keys.Order().SequenceEqual(["450223", "610822"]) && byCounty.Values.Sum() >= 300, string.Join(", ", byCounty));
    }

    [Fact]
    public void Read_DemoFile_SaysItIsFictional()
    {
        Assert.Contains("虚构", Data.Description);
    }

    [Fact]
    public void Stays_EverySettlement_IsWhatTheEstimatorGives()
    {
        var estimator = new SettlementEstimator();
        var mismatches = Stays
            .Where(pair =>
            {
                var policy = Content.Catalog.Find(pair.Household.VillageCode[..6], pair.Stay.AdmittedOn)!;
                var request = pair.Stay.ToInpatientStay().ToSettlementRequest(pair.Household.IsRegisteredPoor);
                return estimator.Estimate(request, policy).Breakdown != pair.Stay.Settlement;
            })
            .Select(pair => $"{pair.Stay.HospitalName} {pair.Stay.AdmittedOn}");

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Members_EveryIdNumber_IsValidAndFromTheHouseholdsCounty()
    {
        var wrong = Members.Where(pair => !IdNumber.TryParse(pair.Member.IdNumber, out var id) || id.CountyCode != pair.Household.VillageCode[..6]);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Members_IdNumbers_AreUnique()
    {
        var numbers = Members.Select(pair => pair.Member.IdNumber).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public void Members_SexInTheIdNumber_MatchesTheRelation()
    {
        var male = new[] { RelationToHead.Son, RelationToHead.Father, RelationToHead.Grandson, RelationToHead.SonInLaw };
        var female = new[] { RelationToHead.Daughter, RelationToHead.Mother, RelationToHead.Granddaughter, RelationToHead.DaughterInLaw };
        var wrong = Members.Where(pair =>
        {
            var sex = IdNumber.Parse(pair.Member.IdNumber).Sex;
            return male.Contains(pair.Member.RelationToHead) && sex != Sex.Male || female.Contains(pair.Member.RelationToHead) && sex != Sex.Female;
        });

        Assert.Empty(wrong);
    }

    [Fact]
    public void Phones_AllInTheReservedBlock()
    {
        var phones = Members.Select(pair => pair.Member.Phone).OfType<string>()
            .Concat(Data.DoctorTeams.SelectMany(team => team.FamilyDoctors.Select(doctor => doctor.Phone).Append(team.Phone)));

        Assert.All(phones, phone => Assert.StartsWith("1990000", phone, StringComparison.Ordinal));
    }

    [Fact]
    public void Households_EveryOneHasExactlyOneHead()
    {
        Assert.All(Data.Households, household => Assert.Single(household.Members, member => member.RelationToHead == RelationToHead.Self));
    }

    [Fact]
    public void Households_SomeAreNotOnTheRegister()
    {
        Assert.Contains(Data.Households, household => !household.IsRegisteredPoor);
    }

    [Fact]
    public void Contracts_EveryStatusIsRepresented()
    {
        var statuses = Data.Households.SelectMany(household => household.DoctorContracts).Select(contract => contract.Status).ToHashSet();

        Assert.Equal(Enum.GetValues<DoctorContractStatus>().ToHashSet(), statuses);
    }

    [Fact]
    public void Contracts_HouseholdAndMemberContractsBothExist()
    {
        var contracts = Data.Households.SelectMany(household => household.DoctorContracts).ToList();

        Assert.True(contracts.Any(contract => contract.MemberIndex is null) && contracts.Any(contract => contract.MemberIndex is not null));
    }

    [Fact]
    public void Contracts_ExpiredOnesEndedBeforeAsOf()
    {
        var expired = Data.Households.SelectMany(household => household.DoctorContracts).Where(contract => contract.Status == DoctorContractStatus.Expired);

        Assert.All(expired, contract => Assert.True(contract.TermEnd < Data.AsOf));
    }

    [Fact]
    public void Certifications_EveryStatusIsRepresented()
    {
        var statuses = Members.SelectMany(pair => pair.Member.ChronicCertifications).Select(certification => certification.Status).ToHashSet();

        Assert.Equal(Enum.GetValues<CertificationStatus>().ToHashSet(), statuses);
    }

    [Fact]
    public void FollowUps_SomeOverdueAndSomeUpcomingAsOfTheDataDay()
    {
        var dues = Members.Where(pair => pair.Member.FollowUps.Count > 0)
            .Select(pair => pair.Member.FollowUps.MaxBy(followUp => followUp.Date)!.NextDueOn < Data.AsOf)
            .ToHashSet();

        Assert.Equal([false, true], dues.Order());
    }

    [Fact]
    public void Stays_EveryHospitalLevelIsRepresented()
    {
        Assert.Equal(Enum.GetValues<HospitalLevel>().ToHashSet(), Stays.Select(pair => pair.Stay.HospitalLevel).ToHashSet());
    }

    [Fact]
    public void Stays_InCountyAndOutWithAndWithoutReferral()
    {
        var kinds = Stays.Select(pair => (pair.Stay.InCounty, pair.Stay.InCounty ? false : pair.Stay.HasReferral)).ToHashSet();

        Assert.Equal(3, kinds.Count);
    }

    [Fact]
    public void Stays_NonDesignatedWithAndWithoutEmergency()
    {
        var kinds = Stays.Where(pair => !pair.Stay.IsDesignatedHospital).Select(pair => pair.Stay.IsEmergency).ToHashSet();

        Assert.Equal(2, kinds.Count);
    }

    [Fact]
    public void Stays_SafetyNetTownshipSplitExclusionAndNonRegisteredAllOccur()
    {
        var stays = Stays.ToList();

        Assert.True(
            stays.Any(pair => pair.Stay.Settlement.SafetyNet > 0m)
            && stays.Any(pair => pair.Stay.Settlement.TownshipHealthCenterShare > 0m)
            && stays.Any(pair => pair.Stay.Exclusion is not null)
            && stays.Any(pair => !pair.Household.IsRegisteredPoor));
    }
}
