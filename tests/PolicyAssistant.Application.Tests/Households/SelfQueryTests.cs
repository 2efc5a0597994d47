using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

/// <summary>Questions about one's own household, for bound and unbound users, over the real bot and database.</summary>
public sealed class SelfQueryTests
{
    private static readonly DemoPerson ContractHead = Demo.HeadWithPhone(household =>
        household.DoctorContracts.Any(contract => contract.Status == DoctorContractStatus.Active && contract.MemberIndex is null));

    private static readonly DemoPerson HeadWithMother = Demo.HeadWithPhone(household =>
        household.Members.Any(member => member.RelationToHead == RelationToHead.Mother && member.ChronicCertifications.Count > 0));

    private static readonly DemoPerson HeadWithChildren = Demo.HeadWithPhone(household =>
        household.Members.Count(member => member.RelationToHead is RelationToHead.Son or RelationToHead.Daughter) >= 2);

    private static readonly DemoPerson HeadWithStays = Demo.HeadWithPhone(Demo.HasStays);

    [Theory]
    [InlineData("我的家庭医生是谁")]
    [InlineData("俺家签约医生")]
    [InlineData("家庭医生电话")]
    [InlineData("我的家庭医生")]
    [InlineData("我家签约的医生叫什么")]
    public async Task FamilyDoctor_BoundUser_AnswersTeamDoctorsTermAndServices(string question)
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("fd-user", ContractHead);
        var contract = ContractHead.Household.DoctorContracts.First(c => c.Status == DoctorContractStatus.Active);
        var team = Demo.Data.DoctorTeams.First(t => t.Key == contract.TeamKey);

        var reply = await user.SayAsync(question);

        Assert.StartsWith("您家的家庭医生签约情况：", reply);
        Assert.Contains($"团队：{team.Name}（{team.Institution}）", reply);
        Assert.Contains($"家庭医生：{team.FamilyDoctors.First(d => d.Role == FamilyDoctorRole.Doctor).Name}", reply);
        Assert.Contains($"团队电话：{team.Phone}", reply);
        Assert.Contains("签约对象：全家", reply);
        Assert.Contains("（履约中）", reply);
        Assert.Contains($"服务内容：{ChineseNames.Of(contract.Services)}", reply);
        var (_, householdId) = await host.IdsOfAsync(ContractHead);
        Assert.Single(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.ViewFamilyDoctor && entry.HouseholdId == householdId);
    }

    [Fact]
    public async Task FamilyDoctor_PolicyQuestion_StaysWithTheKnowledgeBase()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("fd-policy-user", ContractHead);

        var reply = await user.SayAsync("家庭医生免费做哪些事");

        Assert.DoesNotContain("签约情况", reply);
        Assert.DoesNotContain(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.ViewFamilyDoctor);
    }

    [Theory]
    [InlineData("我的家庭医生是谁", "家庭医生")]
    [InlineData("我妈的慢病办下来没有", "慢病证明")]
    [InlineData("上次住院报了多少", "住院报销记录")]
    public async Task SelfQuery_UnboundUser_IsOfferedBindingAndYesStartsIt(string question, string topic)
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("unbound-user");

        var offer = await user.SayAsync(question);

        Assert.StartsWith($"查自家的{topic}，需要先绑定身份", offer);
        Assert.EndsWith("1. 是\n2. 否", offer);
        Assert.Contains("请输入您的姓名", await user.SayAsync("是"));
        Assert.Empty(await host.AuditAsync());
    }

    [Theory]
    [InlineData("BIND_IDENTITY", "好的，先核对身份")]
    [InlineData("FAMILY_DOCTOR", "查自家的家庭医生，需要先绑定身份")]
    [InlineData("CHRONIC_CERTIFICATION", "查自家的慢病证明，需要先绑定身份")]
    [InlineData("SETTLEMENT_ESTIMATE", "帮您估算一下住院报销，先问几句。\n住院总共花了多少钱？")]
    public async Task MenuClick_UnboundUser_StartsTheMatchingService(string menuKey, string expectedStart)
    {
        await using var host = await AssistantHost.StartAsync();
        var click = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "click",
            Value = menuKey,
            ChannelId = "wechat",
            ConversationId = "menu-user",
            From = new ChannelAccount("menu-user"),
            Recipient = new ChannelAccount("bot"),
        };

        var reply = Assert.Single(await host.ProcessAsync(click));

        Assert.StartsWith(expectedStart, reply.Text);
    }

    [Theory]
    [InlineData("俺家今年参保的钱交了没有", "查自家的参保缴费记录，需要先绑定身份")]
    [InlineData("查查俺还在建档立卡名单上不", "查自家的建档立卡登记，需要先绑定身份")]
    [InlineData("老伴上个月的体检结果咋样了", "查自家的体检结果，需要先绑定身份")]
    [InlineData("這月大夫上門隨訪了俺沒有", "查自家的随访记录，需要先绑定身份")]
    [InlineData("俺家的兜底补助到账了没", "查自家的兜底补助发放记录，需要先绑定身份")]
    public async Task RecordNotYetShown_UnboundUser_IsOfferedBinding(string question, string expectedStart)
    {
        using var database = TestDatabase.CreateSqlite();
        await using var host = await AssistantHost.StartAsync(database);

        Assert.StartsWith(expectedStart, await host.User("record-unbound").SayAsync(question));
    }

    [Fact]
    public async Task RecordNotYetShown_BoundUser_IsToldWhoKeepsItAndShownNoData()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var host = await AssistantHost.StartAsync(database);
        var user = await host.BindAsync("record-bound", ContractHead);

        var reply = await user.SayAsync("俺家今年参保的钱交了没有");

        Assert.StartsWith("您家的参保缴费记录暂时还不能在这里查。", reply);
        Assert.DoesNotContain(ContractHead.Name, reply);
    }

    [Fact]
    public async Task SelfQuery_UnboundUserSaysNo_IsLeftInPeace()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("unbound-no");
        await user.SayAsync("我的慢病");

        Assert.StartsWith("好的。以后想查，发“绑定”就行", await user.SayAsync("不用了"));
    }

    [Theory]
    [InlineData("我妈的慢病办下来没有")]
    [InlineData("俺娘的慢病证明办好了吗")]
    [InlineData("母亲慢病证明批了没")]
    public async Task Chronic_MotherNamed_AnswersForHerOnly(string question)
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("chronic-mother", HeadWithMother);
        var mother = Demo.People.First(p => p.Household == HeadWithMother.Household && p.Relation == RelationToHead.Mother);
        var certification = HeadWithMother.Household.Members.First(m => m.RelationToHead == RelationToHead.Mother).ChronicCertifications[0];

        var reply = await user.SayAsync(question);

        Assert.Contains($"{PersonName.Mask(mother.Name)}（母亲）·{ChineseNames.Of(certification.Disease)}：{ChineseNames.Of(certification.Status)}", reply);
        Assert.DoesNotContain("（本人）", reply);
        var (motherId, householdId) = await host.IdsOfAsync(mother);
        Assert.Contains(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.ViewCertifications && entry.HouseholdId == householdId && entry.MemberId == motherId);
    }

    [Fact]
    public async Task Chronic_KinWordFittingSeveral_OffersTheirMaskedNames()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("chronic-children", HeadWithChildren);
        var children = HeadWithChildren.Household.Members.Where(m => m.RelationToHead is RelationToHead.Son or RelationToHead.Daughter).ToList();

        var question = await user.SayAsync("孩子的慢病办下来没有");

        Assert.StartsWith("想查家里哪一位的慢病证明？", question);
        foreach (var child in children)
        {
            Assert.Contains($"{PersonName.Mask(child.Name)}（{ChineseNames.Of(child.RelationToHead)}）", question);
            Assert.DoesNotContain(child.Name, question.Replace(PersonName.Mask(child.Name), ""));
        }

        Assert.EndsWith($"{children.Count + 1}. 全家", question);
        var answer = await user.SayAsync("1");
        Assert.Contains(PersonName.Mask(children[0].Name), answer);
    }

    [Fact]
    public async Task Chronic_StatusesOfTheHousehold_CarryTheirNextSteps()
    {
        var head = Demo.HeadWithPhone(household =>
            household.Members.SelectMany(m => m.ChronicCertifications).Select(c => c.Status).Distinct().Count() >= 2);
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("chronic-all", head);
        var certifications = head.Household.Members.SelectMany(m => m.ChronicCertifications).ToList();

        var reply = await user.SayAsync("慢病证明办好了吗");

        Assert.StartsWith("您家的慢病证明办理情况：", reply);
        foreach (var certification in certifications)
        {
            switch (certification.Status)
            {
                case CertificationStatus.Pending:
                    Assert.Contains($"请带上身份证、医保卡（社保卡）、贫困家庭就诊卡", reply);
                    Assert.Contains($"到{certification.Institution}", reply);
                    break;
                case CertificationStatus.Rejected:
                    Assert.Contains($"原因：{certification.RejectionReason}", reply);
                    Assert.Contains("申请复核", reply);
                    break;
                case CertificationStatus.Certified:
                    Assert.Contains("按门诊慢性病政策报销", reply);
                    Assert.Contains("下次随访：", reply);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("上次住院报了多少")]
    [InlineData("住院报销明细")]
    [InlineData("出院结算单给我看看")]
    public async Task Settlements_BoundUser_ShowsTheLatestStaysAsStatements(string question)
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("stays-user", HeadWithStays);
        var latest = HeadWithStays.Household.Members.SelectMany(m => m.InpatientStays).MaxBy(stay => stay.DischargedOn)!;

        var reply = await user.SayAsync(question);

        Assert.Contains(latest.HospitalName, reply);
        Assert.Contains($"个人自付 {PolicyAssistant.Domain.Settlement.Yuan.Format(latest.Settlement.SelfPay)}", reply);
        Assert.Contains("实际报销比例", reply);
        var (_, householdId) = await host.IdsOfAsync(HeadWithStays);
        Assert.Contains(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.ViewSettlements && entry.HouseholdId == householdId);
    }

    [Fact]
    public async Task Faq_BoundUser_GetsTheEntriesOfTheirOwnCounty()
    {
        // safety-net-funds applies to 鹿寨县 (450223) only.
        var luzhai = Demo.HeadWithPhone(household => Demo.CountyOf(household) == "450223");
        var fugu = Demo.HeadWithPhone(household => Demo.CountyOf(household) == "610822");
        await using var host = await AssistantHost.StartAsync();
        var inLuzhai = await host.BindAsync("faq-luzhai", luzhai);
        var inFugu = await host.BindAsync("faq-fugu", fugu);

        var luzhaiAnswer = await inLuzhai.ExchangeAsync("兜底资金从哪里来");
        var fuguAnswer = await inFugu.ExchangeAsync("兜底资金从哪里来");

        Assert.Contains(luzhaiAnswer.SelectMany(reply => reply.Sources), source => source.EntryId == "safety-net-funds");
        Assert.DoesNotContain(fuguAnswer.SelectMany(reply => reply.Sources), source => source.EntryId == "safety-net-funds");
    }

    [Fact]
    public async Task PhoneDirectory_NumberOnFile_FindsItsMember()
    {
        await using var host = await AssistantHost.StartAsync();
        await using var scope = host.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<PolicyAssistant.Application.Sms.IPhoneDirectory>();
        var (memberId, householdId) = await host.IdsOfAsync(ContractHead);

        var holder = Assert.Single(await directory.FindHoldersAsync(ContractHead.Phone!, CancellationToken.None));

        Assert.Equal(memberId.ToString(System.Globalization.CultureInfo.InvariantCulture), holder.MemberId);
        Assert.Equal(householdId.ToString(System.Globalization.CultureInfo.InvariantCulture), holder.HouseholdId);
        Assert.Empty(await directory.FindHoldersAsync("13912345678", CancellationToken.None));
    }
}
