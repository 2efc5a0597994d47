using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>
/// A subscription account has no mass send by OpenID list: a mass send goes to a tag made for the message, its followers
/// tagged 50 a call, then one sendall under the message's clientmsgid. Each follower gets it once, counted by the fake
/// WeChat server, through a restart in the middle of tagging and after the sendall. A sendall refused for want of quota sends
/// the tagged followers on to the next route instead, once each, through a restart in the middle of it.
/// </summary>
public sealed class CampaignByTagTests
{
    private const int Followers = 120;

    private static async Task<CampaignTestHost> QueuedOnASubscriptionAccountAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await CampaignTestHost.StartAsync(provider, WeChatAccountKind.Subscription);
        await host.SeedAsync(followers: Followers, phoneOnly: 2);
        await host.ApprovedAndQueuedAsync();
        return host;
    }

    private static int Calls(CampaignTestHost host, string path) => host.WeChat.Received.Count(c => c.Path == path);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Send_SubscriptionAccount_EveryFollowerGetsTheMassSendOnceByOneSendAllToTheMessagesTag(DatabaseProvider provider)
    {
        await using var host = await QueuedOnASubscriptionAccountAsync(provider);

        await host.DrainAsync();

        var weChatRows = (await host.RecipientsAsync()).Where(r => r.Channel == RecipientChannel.WeChat).ToList();
        Assert.Equal((Followers, 1, 0, Followers, 1),
            (host.WeChat.MassSendsReceived.Values.Count(v => v == 1), Calls(host, "cgi-bin/message/mass/sendall"), Calls(host, "cgi-bin/message/mass/send"),
             weChatRows.Count(r => r.Status == RecipientStatus.Sent), weChatRows.Select(r => r.ProviderMessageId).Distinct().Count()));
    }

    [Fact]
    public async Task Send_SubscriptionAccount_TagsAtMost50FollowersACallUnderANameWithinWeChatsLimit()
    {
        await using var host = await QueuedOnASubscriptionAccountAsync();

        await host.DrainAsync();

        var batches = host.WeChat.Received.Where(c => c.Path == "cgi-bin/tags/members/batchtagging").Select(c => c.Body["openid_list"]!.AsArray().Count).ToList();
        var (name, tagged) = Assert.Single(host.WeChat.Tagged);
        Assert.Equal((Followers, true, true), (tagged.Count, batches.All(b => b <= WeChatLimits.MaxOpenIdsPerTagging), Encoding.UTF8.GetByteCount(name) <= WeChatLimits.MaxTagNameBytes));
    }

    [Fact]
    public async Task Send_SubscriptionAccountRestartedInTheMiddleOfTagging_EveryFollowerStillGetsItExactlyOnce()
    {
        await using var host = await QueuedOnASubscriptionAccountAsync();
        using var crash = new CancellationTokenSource();
        var taggingCalls = 0;
        // The instance dies as WeChat tags its second batch: the first is recorded, the second is tagged but not recorded.
        host.WeChat.AfterTagging = () =>
        {
            if (Interlocked.Increment(ref taggingCalls) == 2) crash.Cancel();
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DrainAsync(host.NewSender("crashed", batch: 50), crash.Token));
        host.WeChat.AfterTagging = null;

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync(host.NewSender("second", batch: 50));

        Assert.Equal((Followers, Followers, 1), (host.WeChat.MassSendsReceived.Count, host.WeChat.MassSendsReceived.Values.Count(v => v == 1), Calls(host, "cgi-bin/tags/create")));
    }

    [Fact]
    public async Task Send_TagMadeByAnEarlierTryWhoseAnswerWasLost_FoundByNameAndUsedSoOnlyOneTagExists()
    {
        await using var host = await QueuedOnASubscriptionAccountAsync();
        await using (var db = host.CreateContext())
        {
            var message = await db.Set<CampaignMessage>().SingleAsync();
            await host.InScopeAsync(services => services.GetRequiredService<WeChatApiClient>().CreateTagAsync(message.WeChatTagName(), default));
        }

        await host.DrainAsync();

        var (_, tagged) = Assert.Single(host.WeChat.Tagged);
        Assert.Equal((Followers, Followers), (tagged.Count, host.WeChat.MassSendsReceived.Values.Count(v => v == 1)));
    }

    [Fact]
    public async Task Send_SubscriptionAccountCrashedAfterWeChatTookTheSendAll_SentAgainUnderTheSameClientMsgIdAndNobodyGetsItTwice()
    {
        await using var host = await QueuedOnASubscriptionAccountAsync();
        using var crash = new CancellationTokenSource();
        host.WeChat.AfterMassSend = crash.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DrainAsync(host.NewSender("crashed"), crash.Token));
        host.WeChat.AfterMassSend = null;

        await host.DrainAsync(host.NewSender("second"));

        var weChatRows = (await host.RecipientsAsync()).Where(r => r.Channel == RecipientChannel.WeChat).ToList();
        Assert.Equal((Followers, 2, Followers), (host.WeChat.MassSendsReceived.Values.Count(v => v == 1), Calls(host, "cgi-bin/message/mass/sendall"),
            weChatRows.Count(r => r.Status == RecipientStatus.Sent)));
    }

    /// <summary>Followers 0–19 last wrote three days before; the others within 48 hours. WeChat answers every sendall that the day's mass send is spent.</summary>
    private static async Task<CampaignTestHost> NoMassSendLeftAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await QueuedOnASubscriptionAccountAsync(provider);
        for (var i = 0; i < 20; i++)
        {
            await host.UpdateFollowerAsync(i, f => f.LastMessageAt = CampaignTestHost.Start.UtcDateTime.AddDays(-3));
        }

        host.WeChat.FailEvery("cgi-bin/message/mass/sendall", WeChatApiException.NoMassSendQuota);
        return host;
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Send_SubscriptionAccountWithNoMassSendLeft_FollowersWhoWroteWithin48HoursGetACustomerServiceMessageTheRestAnSms(DatabaseProvider provider)
    {
        await using var host = await NoMassSendLeftAsync(provider);

        await host.DrainAsync(host.NewSender("one", batch: 50));

        var rows = await host.RecipientsAsync();
        Assert.Equal((Followers - 20, 20 + 2, 0, 0),
            (rows.Count(r => r.Channel == RecipientChannel.CustomerService && r.Status == RecipientStatus.Sent), rows.Count(r => r.Channel == RecipientChannel.Sms && r.Status == RecipientStatus.Sent),
             rows.Count(r => r.Status == RecipientStatus.Failed), host.WeChat.MassSendsReceived.Count));
    }

    [Fact]
    public async Task DeleteSpentTags_SendToTheTagRefusedForWantOfQuota_TheTagIsDeletedOnceItsFollowersAreRerouted()
    {
        await using var host = await NoMassSendLeftAsync();
        var sender = host.Services.GetRequiredService<CampaignSender>();
        await sender.SendDueAsync(RecipientChannel.WeChat, 1000, default);

        await sender.DeleteSpentTagsAsync(default);
        var beforeRerouting = host.WeChat.Tagged.Count;
        await host.DrainAsync();
        await sender.DeleteSpentTagsAsync(default);

        Assert.Equal((1, 0), (beforeRerouting, host.WeChat.Tagged.Count));
    }

    [Fact]
    public async Task Send_InstanceDiedReroutingAfterTheQuotaRefusal_TheRestAreReroutedAndNothingGoesToTheTagWhenTheQuotaIsBack()
    {
        await using var host = await NoMassSendLeftAsync();
        var crashed = host.NewSender("crashed", batch: 50);
        await crashed.SendDueAsync(RecipientChannel.WeChat, 1000, default);
        // It reroutes the first tagging batch of 50, claims the second and dies; the third waits.
        await crashed.SendDueAsync(RecipientChannel.WeChat, 50, default);
        await using (var db = host.CreateContext())
        {
            Assert.Equal(50, (await crashed.ClaimAsync(db, (await host.RecipientsAsync())[0].MessageId, RecipientChannel.WeChat, 50, default)).Count);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        host.WeChat.StopFailing("cgi-bin/message/mass/sendall");
        await host.DrainAsync(host.NewSender("second", batch: 50));

        var rows = await host.RecipientsAsync();
        Assert.Equal((0, Followers - 20, true, 0),
            (host.WeChat.MassSendsReceived.Count, host.WeChat.CustomerServiceReceived.Count, host.WeChat.CustomerServiceReceived.Values.All(v => v == 1),
             rows.Count(r => r.Status != RecipientStatus.Sent)));
    }

    [PostgresFact]
    public async Task Send_TwoSendersRerouteAfterTheQuotaRefusalOnPostgres_EveryFollowerGetsItExactlyOnceByTheNextRoute()
    {
        await using var host = await NoMassSendLeftAsync(DatabaseProvider.PostgreSql);
        var first = host.NewSender("first", batch: 10);
        var second = host.NewSender("second", batch: 10);

        await Task.WhenAll(Task.Run(() => host.DrainAsync(first)), Task.Run(() => host.DrainAsync(second)));

        var rows = await host.RecipientsAsync();
        Assert.Equal((Followers - 20, true, 20 + 2, 0),
            (host.WeChat.CustomerServiceReceived.Count, host.WeChat.CustomerServiceReceived.Values.All(v => v == 1),
             rows.Count(r => r.Channel == RecipientChannel.Sms && r.Status == RecipientStatus.Sent), rows.Count(r => r.Status != RecipientStatus.Sent)));
    }

    [Fact]
    public async Task Progress_SubscriptionAccountWithFollowersTaggedButNotYetSent_NotDoneYet()
    {
        await using var host = await QueuedOnASubscriptionAccountAsync();
        host.WeChat.FailNext("cgi-bin/message/mass/sendall", -1);
        await host.Services.GetRequiredService<CampaignSender>().SendDueAsync(RecipientChannel.WeChat, 1000, default);

        var messageId = (await host.RecipientsAsync())[0].MessageId;

        var progress = await host.InScopeAsync(services => services.GetRequiredService<CampaignQueries>().ProgressAsync(messageId, default));

        Assert.Equal((Followers, 0), (progress.Sending, host.WeChat.MassSendsReceived.Count));
    }
}
