using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms.Inbound;

/// <summary>Inbound texts through store, turn and reply, with the embedded outbox as the provider.</summary>
public sealed class SmsInboundTests
{
    private const string Phone = "13800138000";

    private static async Task<List<string>> RepliesToAsync(SmsTestHost sms, string phoneNumber = Phone) =>
        (await sms.ReadAsync<OutboxGatewayEntry>(q => q.Where(m => m.PhoneNumber == phoneNumber).OrderBy(m => m.Id))).Select(m => m.Text).ToList();

    [Fact]
    public async Task Text_Question_ReachesTheBotAsAnSmsActivityAndTheReplyGoesBack()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);

        await sms.ReceiveAsync(new SmsInboundText("900001", Phone, " 住院要交押金吗 ", sms.Now, "鹿寨县卫健局", "01"));
        await sms.ProcessInboundAsync();
        await sms.DispatchAsync();

        var activity = Assert.Single(sms.Bot.Received);
        Assert.Equal(("sms", Phone, Phone, "900001", "住院要交押金吗", ActivityTypes.Message),
            (activity.ChannelId, activity.From.Id, activity.ConversationId, activity.Id, activity.Text, activity.Type));
        Assert.Equal(["答：住院要交押金吗"], await RepliesToAsync(sms));
    }

    [Fact]
    public async Task Text_TurnWithTwoReplies_OneTextCarriesBoth()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);

        await sms.ReceiveAsync(new SmsInboundText("900002", Phone, "两条", sms.Now, null, null));
        await sms.ProcessInboundAsync();
        await sms.DispatchAsync();

        Assert.Equal(["第一条\n第二条"], await RepliesToAsync(sms));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Receive_SameSequenceIdTwice_StoresAndAnswersOnce(DatabaseProvider provider)
    {
        await using var sms = SmsTestHost.Create(provider);
        var inboundText = new SmsInboundText("900001", Phone, "住院要交押金吗", sms.Now, null, null);

        var added = await sms.ReceiveAsync(inboundText, inboundText) + await sms.ReceiveAsync(inboundText);
        await sms.ProcessInboundAsync();
        await sms.DispatchAsync();

        Assert.Equal((1, 1, 1), (added, (await sms.ReadAsync<SmsInboundMessage>()).Count, (await RepliesToAsync(sms)).Count));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Text_OptOutThenCampaign_ConfirmsOnceAndSkipsTheCampaign(DatabaseProvider provider)
    {
        await using var sms = SmsTestHost.Create(provider);

        await sms.TextAsync(Phone, "ＴＤ");
        await sms.TextAsync(Phone, "退订");
        var campaign = await sms.EnqueueAsync(s => s.EnqueueCampaignAsync(Phone, "政策宣传月开始了。", "campaign-1", CancellationToken.None));
        await sms.DispatchAsync();

        var optOut = Assert.Single(await sms.ReadAsync<SmsOptOut>());
        Assert.Equal((Phone, "TD", typeof(SmsEnqueueResult.Skipped)), (optOut.PhoneNumber, optOut.Keyword, campaign.GetType()));
        Assert.Equal([SmsText.OptOutConfirmation], await RepliesToAsync(sms));
    }

    [Fact]
    public async Task Text_OptedOut_RepliesAndVerificationCodesStillGo()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        await sms.TextAsync(Phone, "R");

        await sms.TextAsync(Phone, "慢病怎么报销");
        await sms.EnqueueAsync(s => s.EnqueueVerificationCodeAsync(Phone, "246810", "code-1", CancellationToken.None));
        await sms.DispatchAsync();

        Assert.Equal([SmsText.OptOutConfirmation, "答：慢病怎么报销", "您的验证码是246810，请勿告诉他人。"], await RepliesToAsync(sms));
    }

    [Fact]
    public async Task Dispatch_CampaignQueuedBeforeTheOptOut_IsSkipped()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        await sms.EnqueueAsync(s => s.EnqueueCampaignAsync(Phone, "政策宣传月开始了。", "campaign-1", CancellationToken.None));
        await sms.ReceiveAsync(new SmsInboundText("900001", Phone, "取消订阅", sms.Now, null, null));
        await sms.ProcessInboundAsync();

        await sms.DispatchAsync();

        var campaign = Assert.Single(await sms.ReadAsync<SmsOutboundMessage>(q => q.Where(m => m.Kind == SmsKind.Campaign)));
        Assert.Equal((SmsOutboundStatus.Skipped, "OptedOut"), (campaign.Status, campaign.ErrorCode));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Text_OptInAfterOptOut_CampaignsGoAgain(DatabaseProvider provider)
    {
        await using var sms = SmsTestHost.Create(provider);
        await sms.TextAsync(Phone, "TD");

        await sms.TextAsync(Phone, "订阅");
        await sms.EnqueueAsync(s => s.EnqueueCampaignAsync(Phone, "政策宣传月开始了。", "campaign-1", CancellationToken.None));
        await sms.DispatchAsync();

        Assert.Equal([SmsText.OptOutConfirmation, SmsText.OptInConfirmation, "政策宣传月开始了。拒收请回复R"], await RepliesToAsync(sms));
    }

    [Fact]
    public async Task Text_OptInWithoutOptOut_SendsNothing()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);

        await sms.TextAsync(Phone, "订阅");

        Assert.Empty(await RepliesToAsync(sms));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Text_BeyondTheAnswerLimit_GetsOneNoticePerWindow(DatabaseProvider provider)
    {
        await using var sms = SmsTestHost.Create(provider, new Dictionary<string, string?> { ["Sms:Limits:InboundAnswersPerWindow"] = "3" });

        for (var i = 1; i <= 6; i++)
        {
            await sms.TextAsync(Phone, $"问题{i}");
        }

        Assert.Equal(["答：问题1", "答：问题2", "答：问题3", SmsText.OverLimitNotice], await RepliesToAsync(sms));
    }

    [Fact]
    public async Task Text_AfterTheWindowPassed_IsAnsweredAgain()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Sms:Limits:InboundAnswersPerWindow"] = "1" });
        await sms.TextAsync(Phone, "问题1");
        await sms.TextAsync(Phone, "问题2");

        sms.Advance(TimeSpan.FromMinutes(61));
        await sms.TextAsync(Phone, "问题3");

        Assert.Equal(["答：问题1", SmsText.OverLimitNotice, "答：问题3"], await RepliesToAsync(sms));
    }

    [Fact]
    public async Task Text_LimitIsPerNumber_OtherNumbersAreAnswered()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Sms:Limits:InboundAnswersPerWindow"] = "1" });
        await sms.TextAsync(Phone, "问题1");

        await sms.TextAsync("13900139000", "问题2");

        Assert.Equal(["答：问题2"], await RepliesToAsync(sms, "13900139000"));
    }

    [Fact]
    public async Task Text_OptOutBeyondTheLimit_IsStillHonoured()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Sms:Limits:InboundAnswersPerWindow"] = "1" });
        await sms.TextAsync(Phone, "问题1");

        await sms.TextAsync(Phone, "TD");

        Assert.Single(await sms.ReadAsync<SmsOptOut>());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Text_LongAnswer_IsCutAndOneSendsTheRest(DatabaseProvider provider)
    {
        await using var sms = SmsTestHost.Create(provider);

        await sms.TextAsync(Phone, "长答案");
        await sms.TextAsync(Phone, "１");
        await sms.TextAsync(Phone, "1");

        var replies = await RepliesToAsync(sms);
        Assert.Equal(3, replies.Count);
        Assert.EndsWith(SmsText.ContinueHint, replies[0]);
        Assert.Equal("外出务工人员在县域外住院的，先办理转诊手续，回来后凭发票和出院小结到县医保局报销。", replies[1]);
        Assert.Equal("答：1", replies[2]);
    }

    [Fact]
    public async Task Text_LongAnswer_EveryPartFitsThreeSegments()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);

        await sms.TextAsync(Phone, "长答案");

        Assert.All(await sms.ReadAsync<OutboxGatewayEntry>(), m => Assert.InRange(m.SegmentCount, 1, 3));
    }

    [Fact]
    public async Task Text_NewQuestionAfterACutAnswer_DropsTheOldRest()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        await sms.TextAsync(Phone, "长答案");

        await sms.TextAsync(Phone, "起付线是多少");

        Assert.Empty(await sms.ReadAsync<SmsContinuation>());
    }

    [Fact]
    public async Task Text_BotSaysNothing_NoReplyIsSent()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);

        await sms.TextAsync(Phone, "沉默");

        Assert.Equal((SmsInboundOutcome.Ignored, 0), (Assert.Single(await sms.ReadAsync<SmsInboundMessage>()).Outcome, (await RepliesToAsync(sms)).Count));
    }

    [Fact]
    public async Task Process_BotKeepsThrowing_IsRetriedThenMarkedFailed()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        await sms.ReceiveAsync(new SmsInboundText("900001", Phone, "出错", sms.Now, null, null));

        for (var round = 0; round < 4; round++)
        {
            await sms.ProcessInboundAsync();
            sms.Advance(TimeSpan.FromMinutes(5));
        }

        var inbound = Assert.Single(await sms.ReadAsync<SmsInboundMessage>());
        Assert.Equal((SmsInboundStatus.Failed, 3, "InvalidOperationException", 3), (inbound.Status, inbound.Attempts, inbound.Error, sms.Bot.Received.Count));
    }

    [Fact]
    public async Task Process_RowLeftProcessingByACrash_IsAnsweredOnceAfterTheLease()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        await sms.ReceiveAsync(new SmsInboundText("900001", Phone, "门诊能报销吗", sms.Now, null, null));
        await sms.UpdateAsync<SmsInboundMessage>(m =>
        {
            m.Status = SmsInboundStatus.Processing;
            m.LeaseUntil = sms.Now.AddMinutes(2);
        });

        var handledWithinLease = await sms.ProcessInboundAsync();
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.ProcessInboundAsync();
        await sms.DispatchAsync();

        Assert.Equal((0, 1), (handledWithinLease, (await RepliesToAsync(sms)).Count));
    }

    [Fact]
    public async Task Process_TextAnsweredBeforeACrashMarkedIt_RunsTheTurnAndRepliesOnce()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        await sms.ReceiveAsync(new SmsInboundText("900001", Phone, "门诊能报销吗", sms.Now, null, null));
        await sms.ProcessInboundAsync();

        await sms.UpdateAsync<SmsInboundMessage>(m => m.Status = SmsInboundStatus.Received);
        await sms.ProcessInboundAsync();
        await sms.DispatchAsync();

        Assert.Equal((1, 1), (sms.Bot.Received.Count, (await RepliesToAsync(sms)).Count));
    }
}
