using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Application.WeChat.Protocol;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

/// <summary>Storing a turn's answer, with the answers owed to the user that ride on it.</summary>
public sealed class WeChatInboundStoreTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private static readonly Activity Message = new()
    {
        Type = ActivityTypes.Message,
        ChannelId = WeChatAdapter.ChannelId,
        ConversationId = "user-a",
        From = new ChannelAccount("user-a"),
        Recipient = new ChannelAccount("bot"),
        Text = "大病保险怎么报",
    };

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task StoreAnswer_OwedAnswerWaiting_RidesInFrontOfTheAnswer(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var store = new WeChatInboundStore(database.CreateFactory(), TimeProvider.System);
        await OweAnswerAsync(database, "先前的回答");
        var claim = await store.ClaimAsync("wx1:1002", "user-a", "signed:1", ReceivedAt, "owner", ReceivedAt + Lease, CancellationToken.None);

        var stored = await StoreAsync(store, claim, "owner", "新的回答");

        Assert.Equal("先前的回答\n\n新的回答", stored.Reply?.AsText());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task StoreAnswer_TurnTakenOverFromAPausedOwner_LeavesTheOwedAnswerToTheTurnThatTookItOver(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var store = new WeChatInboundStore(database.CreateFactory(), TimeProvider.System);
        await OweAnswerAsync(database, "先前的回答");
        var paused = await store.ClaimAsync("wx1:1002", "user-a", "signed:1", ReceivedAt, "paused", ReceivedAt + Lease, CancellationToken.None);
        var retryAt = ReceivedAt.AddSeconds(5);
        var retry = await store.ClaimAsync("wx1:1002", "user-a", "signed:2", retryAt, "retry", retryAt + Lease, CancellationToken.None);

        await StoreAsync(store, paused, "paused", "迟到的回答");
        var stored = await StoreAsync(store, retry, "retry", "新的回答");

        Assert.Equal("先前的回答\n\n新的回答", stored.Reply?.AsText());
    }

    private static async Task OweAnswerAsync(TestDatabase database, string text)
    {
        await using var db = database.CreateContext();
        db.Add(new WeChatInboundMessage
        {
            DedupeKey = "later:1",
            UserKeyHash = "user-a",
            ReceivedAt = ReceivedAt.AddMinutes(-1),
            State = WeChatInboundState.AwaitingNextMessage,
            ReplyXml = "<xml/>",
            ReplyText = text,
        });
        await db.SaveChangesAsync();
    }

    private static Task<(WeChatReply? Reply, bool Deferred, string Xml)> StoreAsync(WeChatInboundStore store, WeChatInboundClaim claim, string owner, string answer) =>
        store.StoreAnswerAsync(claim, owner, "user-a", new WeChatTextMessage("gh_bot", "user-a", ReceivedAt.ToUnixTimeSeconds(), "1002", Message.Text!), Message,
            new WeChatTextReply(answer), CancellationToken.None);
}
