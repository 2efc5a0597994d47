using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.Households.Estimate;
using PolicyAssistant.Application.Households.Settlements;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households.Estimate;

public sealed class EstimateDialogTests
{
    [Fact]
    public async Task Estimate_EverythingInTheFirstMessage_AnswersAtOnce()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("estimate-all");

        var reply = await user.SayAsync("我家是鹿寨县的贫困户，在县里的县医院住院花了一万二，能报多少？");

        // The clock is in 2019 and 鹿寨县 has only 2018 rules: the answer says so.
        var expected = Expected(host, "450223", 12000m, HospitalLevel.County, inCounty: true, hasReferral: false, registeredPoor: true);
        Assert.StartsWith("估算结果（鹿寨县2018年政策）：\n（还没有鹿寨县2019年的报销参数，以下按2018年的规则估算）", reply);
        Assert.Contains(SettlementLines.Of(expected.Breakdown).Last(), reply);
        Assert.Contains("怎么算的：\n1. 县域内县级医院住院", reply);
        Assert.EndsWith(expected.Notice!, reply);
    }

    [Fact]
    public async Task Estimate_PiecesMissing_AsksOnlyForThem()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("estimate-missing");

        Assert.StartsWith("帮您估算一下住院报销（总费用12000元）。\n在哪一级医院住院？\n1. 乡镇卫生院\n2. 县级医院\n3. 市级医院\n4. 省级医院", await user.SayAsync("住院花了一万二能报多少"));

        // A city hospital is out of county: the next question is the referral, not the county.
        Assert.StartsWith("去县外住院前，办了转诊（转院）手续吗？", await user.SayAsync("3"));
        Assert.StartsWith("您家是建档立卡贫困户吗？", await user.SayAsync("是"));
        Assert.StartsWith("您家在哪个县？（各县报销政策不同）\n1. 鹿寨县\n2. 府谷县", await user.SayAsync("是的"));
        var reply = await user.SayAsync("府谷县");

        var expected = Expected(host, "610822", 12000m, HospitalLevel.City, inCounty: false, hasReferral: true, registeredPoor: true);
        Assert.StartsWith("估算结果（府谷县2019年政策）：\n总费用 12000元", reply);
        Assert.Contains(SettlementLines.Of(expected.Breakdown).Last(), reply);
    }

    [Fact]
    public async Task Estimate_AmountNeverUnderstood_EndsTheDialogAndSaysSo()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("estimate-retries");
        await user.SayAsync("住院费用估算");

        var replies = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            replies.Add(await user.SayAsync("不知道"));
        }

        Assert.Contains(replies, r => r.Contains("先不办了", StringComparison.Ordinal));
        Assert.DoesNotContain("住院总费用", await user.SayAsync("住院要交押金吗"));
    }

    [Fact]
    public async Task Estimate_MenuClick_AsksTheAmountFirstAndReadsChineseNumerals()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("estimate-menu");

        Assert.StartsWith("帮您估算一下住院报销，先问几句。\n住院总共花了多少钱？", await user.SayAsync("住院费用估算"));
        Assert.StartsWith("请告诉我住院总费用", await user.SayAsync("不知道"));
        Assert.StartsWith("在哪一级医院住院？", await user.SayAsync("三千五"));
        Assert.StartsWith("这家医院在本县（县域内）吗？", await user.SayAsync("乡镇卫生院"));
        Assert.StartsWith("您家是建档立卡贫困户吗？", await user.SayAsync("是"));
        Assert.StartsWith("您家在哪个县？", await user.SayAsync("不是"));
        Assert.StartsWith("估算结果（鹿寨县2018年政策）", await user.SayAsync("1"));
    }

    [Fact]
    public async Task Estimate_CancelledHalfway_StopsAndForgets()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("estimate-cancel");
        await user.SayAsync("住院花了一万二能报多少");

        Assert.StartsWith("好的，已取消", await user.SayAsync("取消"));
        Assert.DoesNotContain("估算结果", await user.SayAsync("2"));
    }

    [Fact]
    public async Task Estimate_BoundUser_UsesTheHouseholdsRegistrationAndCountyAndAudits()
    {
        var head = Demo.HeadWithPhone(household => household.IsRegisteredPoor && Demo.CountyOf(household) == "610822");
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("estimate-bound", head);

        Assert.StartsWith("帮您估算一下住院报销（总费用3000元，乡镇卫生院，建档立卡贫困户）。\n这家医院在本县（县域内）吗？", await user.SayAsync("在乡镇卫生院住院花了3000块能报多少"));
        var reply = await user.SayAsync("是");

        var expected = Expected(host, "610822", 3000m, HospitalLevel.Township, inCounty: true, hasReferral: false, registeredPoor: true);
        Assert.StartsWith("估算结果（府谷县2019年政策）", reply);
        Assert.Contains(SettlementLines.Of(expected.Breakdown).Last(), reply);
        var (memberId, householdId) = await host.IdsOfAsync(head);
        Assert.Contains(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.Estimate && entry.HouseholdId == householdId && entry.MemberId == memberId);
    }

    [Fact]
    public async Task Estimate_AfterARestart_ContinuesWhereItWas()
    {
        using var database = TestDatabase.CreateSqlite();
        await using (var before = await AssistantHost.StartAsync(database))
        {
            await before.User("estimate-restart").SayAsync("府谷县贫困户住院花了8000能报多少");
            await using var after = await before.RestartAsync();
            var user = after.User("estimate-restart");

            Assert.StartsWith("这家医院在本县（县域内）吗？", await user.SayAsync("县医院"));
            Assert.StartsWith("估算结果（府谷县2019年政策）：\n总费用 8000元", await user.SayAsync("是"));
        }
    }

    [Theory]
    [InlineData("住院花了一万二能报多少", 12000, null, null, null)]
    [InlineData("在县外市医院住院，没转诊，花了3万，能报多少", 30000, HospitalLevel.City, false, false)]
    [InlineData("省人民医院转院过去的，花了五万块自己出多少", 50000, HospitalLevel.Province, false, true)]
    [InlineData("乡镇卫生院住了5天，2000块能报多少", 2000, HospitalLevel.Township, null, null)]
    public void Read_Message_TakesWhatItSays(string text, int amount, HospitalLevel? level, bool? inCounty, bool? referral)
    {
        var state = EstimateQuestion.Read(text, [("450223", "鹿寨县"), ("610822", "府谷县")]);

        Assert.Equal(amount, state.TotalBill);
        Assert.Equal(level, state.HospitalLevel);
        Assert.Equal(inCounty, state.InCounty);
        Assert.Equal(referral, state.HasReferral);
    }

    [Fact]
    public async Task Estimate_OutpatientBill_AnswersWithTheOutpatientRulesNotTheInpatientQuestions()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var host = await AssistantHost.StartAsync(database);

        var reply = await host.User("estimate-outpatient").SayAsync("我有糖尿病 每个月在卫生院门诊开药三百来块 能报多少");

        Assert.StartsWith("帮您估算一下门诊报销（总费用300元，乡镇卫生院）。\n门诊费用不走住院那一套", reply);
    }

    [Fact]
    public async Task Estimate_BillAndWhatWasReimbursed_GivesTheSafetyNetTopUpAtOnce()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var host = await AssistantHost.StartAsync(database);

        var reply = await host.User("estimate-top-up").SayAsync("住院一共花了三万 医保大病保险已经报了两万四 兜底还能补多少");

        Assert.StartsWith("帮您估算一下兜底补助：总费用30000元，兜底保障让实际报销达到90%，也就是27000元；已经报了24000元，兜底大约再补3000元，个人自付3000元。", reply);
    }

    [Theory]
    [InlineData("住院总共两万三 医保报了一万七", 23000.0, 17000.0)]
    [InlineData("报了八千多 总共花了一万二", 12000.0, 8000.0)]
    [InlineData("花了四万 报下来三万一", 40000.0, 31000.0)]
    [InlineData("花了1234.56元", 1234.56, null)]
    [InlineData("在市里住院花了1.5万", 15000.0, null)]
    public void ReadAmounts_Message_TellsTheBillFromWhatWasReimbursed(string text, double bill, double? reimbursed)
    {
        var (total, back) = EstimateQuestion.ReadAmounts(IntentText.Compact(text));

        Assert.Equal((decimal)bill, total);
        Assert.Equal((decimal?)reimbursed, back);
    }

    [Theory]
    [InlineData("县医院住了半个月花了一万五 自个要掏多少", true)]
    [InlineData("在镇卫生院住院三千二 出院要交多少", true)]
    [InlineData("拿药花了二百多 门诊能报不", true)]
    [InlineData("花了四万 报下来三万一 兜底还给不给补", true)]
    [InlineData("住院押金要交多少", false)]
    [InlineData("医保一年交多少钱", false)]
    [InlineData("住院花了一万二能报多少", true)]
    [InlineData("帮我算算住院费用", true)]
    [InlineData("住院费用估算", true)]
    [InlineData("住院最多自己掏多少钱", false)]
    [InlineData("住院要交押金吗", false)]
    public void IsEstimateRequest_Question_TellsEstimatesFromPolicyQuestions(string text, bool expected) =>
        Assert.Equal(expected, EstimateQuestion.IsEstimateRequest(text));

    private static SettlementEstimate Expected(AssistantHost host, string county, decimal bill, HospitalLevel level, bool inCounty, bool hasReferral, bool registeredPoor)
    {
        var catalog = host.Services.GetRequiredService<PolicyParameterCatalog>();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var policy = catalog.Find(county, today) ?? catalog.FindLatest(county)!;
        return new SettlementEstimator().Estimate(
            new SettlementRequest { TotalBill = bill, HospitalLevel = level, InCounty = inCounty, HasReferral = hasReferral, IsRegisteredPoor = registeredPoor },
            policy);
    }
}
