using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>The outbox drained against the fake WeChat API and the SMS outbox: each recipient once, through lapsed claims and two senders.</summary>
public sealed class CampaignSenderTests
{
    [Fact]
    public async Task Enqueue_FollowersAndPhoneOnlyMembers_OneRowEachOnItsChannel()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 5, phoneOnly: 3);

        await host.ApprovedAndQueuedAsync();

        var rows = await host.RecipientsAsync();
        Assert.Equal((5, 3), (rows.Count(r => r.Channel == RecipientChannel.WeChat), rows.Count(r => r.Channel == RecipientChannel.Sms)));
    }

    [Fact]
    public async Task Send_Campaign_EachFollowerOneMassSendAndEachPhoneOneSignedTextWithTheOptOutLine()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 5, phoneOnly: 3);
        await host.ApprovedAndQueuedAsync();

        await host.DrainAsync();
        await DrainSmsOutboxAsync(host);
        var texts = await host.InScopeAsync(async services => await services.GetRequiredService<PolicyAssistantDbContext>().Set<OutboxGatewayEntry>().ToListAsync());

        Assert.Equal((5, 3, 3), (host.WeChat.MassSendsReceived.Values.Count(v => v == 1), texts.Select(t => t.PhoneNumber).Distinct().Count(),
            texts.Count(t => t.Text.EndsWith("拒收请回复R", StringComparison.Ordinal))));
    }

    private const string TemplateBody = "thing1=健康扶贫政策宣传月\ntime2=2026年3月1日起\nthing3=住院先诊疗后付费";

    /// <summary>What the phone of a household without WeChat shows for <see cref="TemplateBody"/> under the title 通知.</summary>
    private const string TemplateAsSms = "【鹿寨县卫健局】通知：健康扶贫政策宣传月；2026年3月1日起；住院先诊疗后付费。拒收请回复R";

    [Fact]
    public async Task Send_TemplateMessageToAHouseholdWithoutWeChat_TheSmsReadsTheTitleAndFieldValuesAsASignedSentence()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 0, phoneOnly: 1);
        await host.ApprovedAndQueuedAsync(TemplateBody, WeChatMessageKind.Template, "TEMPLATE_CAMPAIGN");

        await host.DrainAsync();
        await DrainSmsOutboxAsync(host);
        var text = await host.InScopeAsync(services => services.GetRequiredService<PolicyAssistantDbContext>().Set<OutboxGatewayEntry>().SingleAsync());

        Assert.Equal(TemplateAsSms, $"【{text.SignName}】{text.Text}");
    }

    [Fact]
    public async Task Preview_TemplateMessage_ShowsTheSmsAHouseholdWithoutWeChatReceives()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 0, phoneOnly: 1);

        var preview = await host.InScopeAsync(services => services.GetRequiredService<CampaignQueries>()
            .PreviewAsync(new StaffScope(1, []), new Audience(), WeChatMessageKind.Template, "通知", TemplateBody, default));

        Assert.Equal(TemplateAsSms, preview.SmsText);
    }

    [Fact]
    public async Task Progress_AfterSending_HundredPercentAndEveryRecipientCountedInTheirVillage()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 5, phoneOnly: 3);
        var messageId = await host.ApprovedAndQueuedAsync();
        await host.DrainAsync();

        var (progress, villages) = await host.InScopeAsync(async services =>
        {
            var queries = services.GetRequiredService<CampaignQueries>();
            return (await queries.ProgressAsync(messageId, default), await queries.VillageStatisticsAsync(messageId, default));
        });

        Assert.Equal((100, "石路村", 8, 8), (progress.Percent, villages.Single().Village, villages.Single().Total, villages.Single().Sent));
    }

    [Fact]
    public async Task Send_ClaimLapsedAfterTheMassSendWentOut_TakenOverAndSentUnderTheSameClientMsgIdSoNobodyGetsItTwice()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 4, phoneOnly: 0);
        var messageId = await host.ApprovedAndQueuedAsync();
        var crashed = host.Services.GetRequiredService<CampaignSender>();
        // The instance claimed the rows and made the call, then died before recording it.
        await using (var db = host.CreateContext())
        {
            var claimed = await crashed.ClaimAsync(db, messageId, RecipientChannel.WeChat, 100, default);
            await host.InScopeAsync(services => services.GetRequiredService<WeChatApiClient>().SendMassByOpenIdsAsync(
                Enumerable.Range(0, 4).Select(CampaignTestHost.OpenIdOf).ToList(), WeChatMassMessage.Text("三月是健康扶贫政策宣传月。"), default, claimed[0].SendKey));
        }

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync(host.NewSender("second"));

        var rows = await host.RecipientsAsync();
        Assert.Equal((4, 4), (host.WeChat.MassSendsReceived.Values.Count(v => v == 1), rows.Count(r => r.Status == RecipientStatus.Sent && r.ClaimedBy == "second")));
    }

    [Fact]
    public async Task Send_CrashAfterWeChatAcceptedTheFirstTemplateOfABatch_ThatOneUnknownTheRestSentEachOnce()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 3, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync("thing1=健康扶贫政策宣传月", WeChatMessageKind.Template, "TEMPLATE_CAMPAIGN");
        using var crash = new CancellationTokenSource();
        host.WeChat.AfterTemplate = crash.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DrainAsync(host.NewSender("crashed"), crash.Token));
        host.WeChat.AfterTemplate = null;

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync(host.NewSender("second"));

        var perFollower = host.WeChat.Received.Where(c => c.Path == "cgi-bin/message/template/send").CountBy(c => (string)c.Body["touser"]!).Select(p => p.Value);
        var statuses = (await host.RecipientsAsync()).Select(r => r.Status);
        Assert.Equal(("1 1 1", "Failed Sent Sent"), (string.Join(' ', perFollower), string.Join(' ', statuses)));
    }

    [Fact]
    public async Task Claim_LeaseNotYetLapsed_AnotherSenderTakesNothing()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 4, phoneOnly: 0);
        var messageId = await host.ApprovedAndQueuedAsync();
        await using var db = host.CreateContext();
        await host.NewSender("first").ClaimAsync(db, messageId, RecipientChannel.WeChat, 100, default);

        var second = await host.NewSender("second").ClaimAsync(db, messageId, RecipientChannel.WeChat, 100, default);

        Assert.Empty(second);
    }

    [PostgresFact]
    public async Task Send_TwoSendersDrainOneOutboxOnPostgres_BothTakePartAndEveryFollowerGetsItExactlyOnce()
    {
        await using var host = await CampaignTestHost.StartAsync(DatabaseProvider.PostgreSql);
        await host.SeedAsync(followers: 300, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync();
        host.WeChat.MassSendDelay = TimeSpan.FromMilliseconds(50);
        var first = host.NewSender("first", batch: 10);
        var second = host.NewSender("second", batch: 10);

        await Task.WhenAll(Task.Run(() => host.DrainAsync(first)), Task.Run(() => host.DrainAsync(second)));

        var rows = await host.RecipientsAsync();
        Assert.Equal((300, 300, 2), (host.WeChat.MassSendsReceived.Values.Count(v => v == 1), rows.Count(r => r.Status == RecipientStatus.Sent),
            rows.Select(r => r.ClaimedBy).Distinct().Count()));
    }

    private static async Task DrainSmsOutboxAsync(CampaignTestHost host)
    {
        while (await host.InScopeAsync(services => services.GetRequiredService<PolicyAssistant.Application.Sms.Outbox.SmsDispatcher>().DispatchDueAsync(default)) > 0)
        {
        }
    }
}
