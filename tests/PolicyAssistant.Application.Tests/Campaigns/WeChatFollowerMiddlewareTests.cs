using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Application.Tests.Campaigns;

public sealed class WeChatFollowerMiddlewareTests
{
    private const string OpenId = "oFollowerNoted000000001";

    [Fact]
    public async Task FirstMessage_RecordsASubscribedFollowerWithItsTime()
    {
        await using var host = await CampaignTestHost.StartAsync();

        await SendAsync(host, Message());

        Assert.Equal((true, CampaignTestHost.Start.UtcDateTime), await FollowerAsync(host));
    }

    [Fact]
    public async Task MessageMoreThanAnHourLater_RefreshesTheLastMessageTime()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await SendAsync(host, Message());
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await SendAsync(host, Message());
        host.Clock.Advance(TimeSpan.FromMinutes(31));

        await SendAsync(host, Message());

        Assert.Equal((true, CampaignTestHost.Start.UtcDateTime.AddMinutes(61)), await FollowerAsync(host));
    }

    [Fact]
    public async Task FollowAfterUnfollow_IsRecorded_EvenRightAfterAMessage()
    {
        await using var host = await CampaignTestHost.StartAsync();
        await SendAsync(host, Message());
        await SendAsync(host, Event(WeChatAdapter.EventNames.Unsubscribe));
        var unfollowed = await FollowerAsync(host);

        await SendAsync(host, Event(WeChatAdapter.EventNames.Subscribe));

        Assert.Equal((false, true), (unfollowed.Subscribed, (await FollowerAsync(host)).Subscribed));
    }

    private static Activity Message() =>
        Activity.CreateMessage(WeChatAdapter.ChannelId, OpenId, new ChannelAccount(OpenId), new ChannelAccount("gh_test"), "你好");

    private static Activity Event(string name) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        ChannelId = WeChatAdapter.ChannelId,
        ConversationId = OpenId,
        From = new ChannelAccount(OpenId),
        Recipient = new ChannelAccount("gh_test"),
    };

    private static Task SendAsync(CampaignTestHost host, Activity activity) =>
        host.Services.GetRequiredService<TurnProcessor>().ProcessActivityAsync(activity, CancellationToken.None);

    private static async Task<(bool Subscribed, DateTime LastMessageAt)> FollowerAsync(CampaignTestHost host)
    {
        await using var db = host.CreateContext();
        var follower = await db.Set<WeChatFollower>().AsNoTracking().SingleAsync();
        return (follower.Subscribed, follower.LastMessageAt);
    }
}
