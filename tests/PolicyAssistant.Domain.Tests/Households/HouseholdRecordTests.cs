using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class HouseholdRecordTests
{
    private static readonly DateOnly Today = new(2019, 10, 15);

    [Fact]
    public void Head_IsTheMemberWhoIsSelf()
    {
        var household = new Household
        {
            Address = "一组",
            Members = [new Member { Name = "子", RelationToHead = RelationToHead.Son }, new Member { Name = "户主", RelationToHead = RelationToHead.Self }],
        };

        Assert.Equal("户主", household.Head?.Name);
    }

    [Fact]
    public void StatusOn_ActiveContractPastItsTerm_IsExpired()
    {
        var contract = new DoctorContract { Status = DoctorContractStatus.Active, TermEnd = Today.AddDays(-1) };

        Assert.Equal(DoctorContractStatus.Expired, contract.StatusOn(Today));
    }

    [Fact]
    public void StatusOn_TerminatedContractInItsTerm_StaysTerminated()
    {
        var contract = new DoctorContract { Status = DoctorContractStatus.Terminated, TermEnd = Today.AddDays(100) };

        Assert.Equal(DoctorContractStatus.Terminated, contract.StatusOn(Today));
    }

    [Fact]
    public void Covers_HouseholdContract_CoversEveryMember()
    {
        var contract = new DoctorContract { HouseholdId = 7 };

        Assert.True(contract.Covers(new Member { Name = "甲", Id = 3, HouseholdId = 7 }));
    }

    [Fact]
    public void Covers_MemberContract_CoversOnlyThatMember()
    {
        var contract = new DoctorContract { HouseholdId = 7, MemberId = 3 };

        Assert.False(contract.Covers(new Member { Name = "乙", Id = 4, HouseholdId = 7 }));
    }

    [Fact]
    public void Reject_Pending_KeepsTheReason()
    {
        var certification = new ChronicCertification { Institution = "武家庄镇卫生院", AppliedOn = Today.AddDays(-20) };

        certification.Reject(Today, "血压记录不足三次", "请连续测量血压两周后复诊");

        Assert.Equal((CertificationStatus.Rejected, "血压记录不足三次", Today), (certification.Status, certification.RejectionReason, certification.DecidedOn));
    }

    [Fact]
    public void Certify_AlreadyDecided_Throws()
    {
        var certification = new ChronicCertification { Institution = "武家庄镇卫生院", AppliedOn = Today.AddDays(-20) };
        certification.Certify(Today);

        Assert.Throws<InvalidOperationException>(() => certification.Certify(Today));
    }

    [Fact]
    public void Certify_BeforeTheApplication_Throws()
    {
        var certification = new ChronicCertification { Institution = "武家庄镇卫生院", AppliedOn = Today };

        Assert.Throws<ArgumentOutOfRangeException>(() => certification.Certify(Today.AddDays(-1)));
    }

    [Fact]
    public void NextDue_LatestVisitDuePast_IsOverdue()
    {
        var followUps = new[]
        {
            new FollowUp { Findings = "血压平稳", Date = Today.AddDays(-100), NextDueOn = Today.AddDays(30) },
            new FollowUp { Findings = "血压偏高", Date = Today.AddDays(-40), NextDueOn = Today.AddDays(-10) },
        };

        Assert.Equal(new FollowUpDue(Today.AddDays(-10), IsOverdue: true), FollowUp.NextDue(followUps, Today));
    }

    [Fact]
    public void NextDue_NoFollowUps_IsNull()
    {
        Assert.Null(FollowUp.NextDue([], Today));
    }

    [Fact]
    public void ChineseNames_ContractServices_ListsEachService()
    {
        Assert.Equal("基本医疗、慢病管理", ChineseNames.Of(ContractServices.BasicMedicalCare | ContractServices.ChronicDiseaseManagement));
    }
}
