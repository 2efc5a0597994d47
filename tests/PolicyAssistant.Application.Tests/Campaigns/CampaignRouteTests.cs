using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>
/// The routes after WeChat's own push: a follower past this month's four mass sends who wrote within 48 hours gets a
/// customer-service message, else an SMS where there is a phone, else nothing, with the reason; through crashes at most once.
/// </summary>
public sealed class CampaignRouteTests
{
    private const string Body = "三月是健康扶贫政策宣传月。";

    /// <summary>
    /// One village on a service account: followers 0–2 have had this month's four mass sends (follower 3 did not follow
    /// then and follows again now), member 4 has a phone only. Follower 0 wrote at the start, within 48 hours;
    /// followers 1 and 2 last wrote three days before, and 2 has no phone.
    /// </summary>
    private static async Task<CampaignTestHost> PastFourMassSendsAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await CampaignTestHost.StartAsync(provider);
        await host.SeedAsync(followers: 4, phoneOnly: 1);
        await host.UpdateFollowerAsync(3, f => f.Subscribed = false);
        for (var i = 0; i < WeChatLimits.MassSendsPerFollowerPerMonth; i++)
        {
            await host.ApprovedAndQueuedAsync($"第{i + 1}条群发。");
            await host.DrainAsync();
        }

        await host.UpdateFollowerAsync(3, f => f.Subscribed = true);
        await host.UpdateFollowerAsync(1, f => f.LastMessageAt = CampaignTestHost.Start.UtcDateTime.AddDays(-3));
        await host.UpdateFollowerAsync(2, f => f.LastMessageAt = CampaignTestHost.Start.UtcDateTime.AddDays(-3));
        var withoutPhone = await host.MemberIdAsync(2);
        await using var db = host.CreateContext();
        await db.Set<Member>().Where(m => m.Id == withoutPhone).ExecuteUpdateAsync(s => s.SetProperty(m => m.PhoneCiphertext, (string?)null));
        return host;
    }

    private static async Task<CampaignRecipient> RowOfAsync(CampaignTestHost host, int messageId, int i)
    {
        var memberId = await host.MemberIdAsync(i);
        return (await host.RecipientsAsync()).Single(r => r.MessageId == messageId && r.MemberId == memberId);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Preview_FollowersPastTheirFourMassSends_CountsEachRouteBeforeSending(DatabaseProvider provider)
    {
        await using var host = await PastFourMassSendsAsync(provider);

        var preview = await host.InScopeAsync(services => services.GetRequiredService<CampaignQueries>()
            .PreviewAsync(new StaffScope(1, []), new Audience(), WeChatMessageKind.MassText, "通知", Body, default));

        Assert.Equal((4, 1, 1, 2, 1), (preview.Count, preview.WeChat, preview.CustomerService, preview.Sms, preview.Unreachable));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Enqueue_FollowersWhoHadFourTemplateMessagesThisMonth_StillGetTheMassSendByWeChat(DatabaseProvider provider)
    {
        await using var host = await CampaignTestHost.StartAsync(provider);
        await host.SeedAsync(followers: 2, phoneOnly: 0);
        for (var i = 0; i < WeChatLimits.MassSendsPerFollowerPerMonth; i++)
        {
            await host.ApprovedAndQueuedAsync($"thing1=第{i + 1}条模板消息", WeChatMessageKind.Template, "TEMPLATE_CAMPAIGN");
            await host.DrainAsync();
        }

        var messageId = await host.ApprovedAndQueuedAsync(Body);

        var routes = (await host.RecipientsAsync()).Where(r => r.MessageId == messageId).Select(r => r.Channel);
        Assert.Equal([RecipientChannel.WeChat, RecipientChannel.WeChat], routes);
    }

    [Fact]
    public async Task Send_FollowerPastFourMassSendsWhoWroteWithin48Hours_GetsTheTextOnceByCustomerServiceMessage()
    {
        await using var host = await PastFourMassSendsAsync();
        var messageId = await host.ApprovedAndQueuedAsync(Body);

        await host.DrainAsync();

        var call = host.WeChat.Received.Single(c => c.Path == "cgi-bin/message/custom/send" && (string?)c.Body["touser"] == CampaignTestHost.OpenIdOf(0));
        var row = await RowOfAsync(host, messageId, 0);
        Assert.Equal(("text", true, RecipientChannel.CustomerService, RecipientStatus.Sent),
            ((string?)call.Body["msgtype"], ((string?)call.Body["text"]?["content"])!.StartsWith(Body + "\n", StringComparison.Ordinal), row.Channel, row.Status));
    }

    [Fact]
    public async Task Send_WeChatHasNoMassSendLeft_FollowersWhoWroteWithin48HoursGetACustomerServiceMessageTheRestAnSms()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 3, phoneOnly: 0);
        await host.UpdateFollowerAsync(2, f => f.LastMessageAt = CampaignTestHost.Start.UtcDateTime.AddDays(-3));
        host.WeChat.FailNext("cgi-bin/message/mass/send", WeChatApiException.NoMassSendQuota);
        await host.ApprovedAndQueuedAsync(Body);

        await host.DrainAsync();

        var routes = (await host.RecipientsAsync()).OrderBy(r => r.MemberId).Select(r => (r.Channel, r.Status)).ToList();
        Assert.Equal(
            [(RecipientChannel.CustomerService, RecipientStatus.Sent), (RecipientChannel.CustomerService, RecipientStatus.Sent), (RecipientChannel.Sms, RecipientStatus.Sent)],
            routes);
    }

    [Fact]
    public async Task Send_CustomerServiceText_EndsWithTheFollowersOwnLinkWhichMarksItRead()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 1, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync(Body);
        await host.DrainAsync();
        var row = Assert.Single(await host.RecipientsAsync());

        var content = (string?)host.WeChat.Received.Single(c => c.Path == "cgi-bin/message/custom/send").Body["text"]?["content"];
        await host.InScopeAsync(services => services.GetRequiredService<OpenCampaignLinkCommand>().OpenAsync(row.ReadToken!, default));

        Assert.Equal(
            ($"{Body}\n{CampaignLinks.TextLabel}{CampaignLinks.LinkOf(new Uri(CampaignTestHost.PublicBaseUrl), row.ReadToken!)}", RecipientStatus.Read),
            (content, Assert.Single(await host.RecipientsAsync()).Status));
    }

    [Fact]
    public async Task Send_LoneFollowerAMassSendCannotCarry_GoesByCustomerServiceMessageNotSms()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers: 1, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync(Body);

        await host.DrainAsync();

        Assert.Equal((1, 0), (host.WeChat.CustomerServiceReceived.GetValueOrDefault(CampaignTestHost.OpenIdOf(0)), host.WeChat.MassSendsReceived.Count));
    }

    [Fact]
    public async Task Send_WindowLapsedBetweenQueueingAndSending_SmsWhereThereIsAPhoneElseFailedWithTheReason()
    {
        await using var host = await PastFourMassSendsAsync();
        await host.UpdateFollowerAsync(2, f => f.LastMessageAt = CampaignTestHost.Start.UtcDateTime);
        var messageId = await host.ApprovedAndQueuedAsync(Body);
        host.Clock.Advance(TimeSpan.FromHours(49));

        await host.DrainAsync();

        var (withPhone, withoutPhone) = (await RowOfAsync(host, messageId, 0), await RowOfAsync(host, messageId, 2));
        Assert.Equal((RecipientChannel.Sms, RecipientStatus.Sent, RecipientStatus.Failed, "微信发不到（未关注、本月群发已满或48小时内没发过消息）且没有手机号", 0),
            (withPhone.Channel, withPhone.Status, withoutPhone.Status, withoutPhone.Error, host.WeChat.CustomerServiceReceived.Count));
    }

    [Fact]
    public async Task Send_WeChatAnswersOutOfTheWindow_TheRowFallsBackToSms()
    {
        await using var host = await PastFourMassSendsAsync();
        var messageId = await host.ApprovedAndQueuedAsync(Body);
        host.WeChat.OutsideCustomerServiceWindow[CampaignTestHost.OpenIdOf(0)] = true;

        await host.DrainAsync();

        var row = await RowOfAsync(host, messageId, 0);
        Assert.Equal((RecipientChannel.Sms, RecipientStatus.Sent), (row.Channel, row.Status));
    }

    [Fact]
    public async Task Send_CrashAfterWeChatAcceptedTheCustomerServiceMessage_TakenOverAndRecordedAsUnknownNotSentTwice()
    {
        await using var host = await PastFourMassSendsAsync();
        var messageId = await host.ApprovedAndQueuedAsync(Body);
        using var crash = new CancellationTokenSource();
        host.WeChat.AfterCustomerService = crash.Cancel;
        // The instance dies the moment WeChat took the message, before it could record it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DrainAsync(host.NewSender("crashed"), crash.Token));
        host.WeChat.AfterCustomerService = null;

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync(host.NewSender("second"));

        var row = await RowOfAsync(host, messageId, 0);
        Assert.Equal((1, RecipientStatus.Failed, "second"), (host.WeChat.CustomerServiceReceived[CampaignTestHost.OpenIdOf(0)], row.Status, row.ClaimedBy));
        Assert.StartsWith("微信未应答或发送中断，是否送达未知", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CrashAfterTheClaimBeforeTheCall_TakenOverAndSentOnce()
    {
        await using var host = await PastFourMassSendsAsync();
        var messageId = await host.ApprovedAndQueuedAsync(Body);
        await using (var db = host.CreateContext())
        {
            Assert.NotEmpty(await host.NewSender("crashed").ClaimAsync(db, messageId, RecipientChannel.CustomerService, 100, default));
        }

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync(host.NewSender("second"));

        var row = await RowOfAsync(host, messageId, 0);
        Assert.Equal((1, RecipientStatus.Sent), (host.WeChat.CustomerServiceReceived[CampaignTestHost.OpenIdOf(0)], row.Status));
    }
}
