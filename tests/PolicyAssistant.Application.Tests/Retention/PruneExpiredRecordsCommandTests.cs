using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Retention;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Retention;

/// <summary>Personal data is kept no longer than the configured periods; what is still on its way is kept.</summary>
public sealed class PruneExpiredRecordsCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly RetentionOptions Periods = new() { WeChatInbound = TimeSpan.FromDays(30), Transcripts = TimeSpan.FromDays(180), SmsMessages = TimeSpan.FromDays(180), BindingAttempts = TimeSpan.FromDays(90), BatchSize = 2 };

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WeChatInboundRows_OlderThanTheirPeriod_AreDeletedInBatches(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database, Enumerable.Range(1, 5).Select(i => WeChatRow($"old-{i}", Now.AddDays(-31))).Append(WeChatRow("recent", Now.AddDays(-29))));

        var pruned = await PruneAsync(database);

        await using var db = database.CreateContext();
        Assert.Equal((5, "recent"), (pruned.WeChatInbound, string.Join(",", await db.Set<WeChatInboundMessage>().Select(m => m.DedupeKey).ToArrayAsync())));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Transcripts_OlderThanTheirPeriod_AreDeleted(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database, [Transcript("old", Now.AddDays(-181)), Transcript("recent", Now.AddDays(-1))]);

        await PruneAsync(database);

        await using var db = database.CreateContext();
        Assert.Equal(new[] { "recent" }, await db.Set<TranscriptRecord>().Select(t => t.Text ?? "").ToArrayAsync());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OldTextStillOnItsWay_IsKept(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database, [OutboundText("delivered", SmsOutboundStatus.Delivered), OutboundText("queued", SmsOutboundStatus.Queued), OutboundText("unconfirmed", SmsOutboundStatus.Unconfirmed)]);

        await PruneAsync(database);

        await using var db = database.CreateContext();
        Assert.Equal(["queued", "unconfirmed"], await db.Set<SmsOutboundMessage>().OrderBy(m => m.OutId).Select(m => m.OutId).ToArrayAsync());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task BindingAttempts_OlderThanTheirPeriod_AreDeleted(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database, [BindingAttempt("old", Now.AddDays(-91)), BindingAttempt("recent", Now.AddDays(-89))]);

        var pruned = await PruneAsync(database);

        await using var db = database.CreateContext();
        Assert.Equal((1, "recent"), (pruned.BindingAttempts, string.Join(",", await db.Set<BindingAttempt>().Select(a => a.UserKeyHash).ToArrayAsync())));
    }

    private static Task<PrunedRecords> PruneAsync(TestDatabase database) =>
        new PruneExpiredRecordsCommand(database.CreateFactory(), Options.Create(Periods), new TestClock(Now)).RunAsync(CancellationToken.None);

    private static async Task SeedAsync(TestDatabase database, IEnumerable<object> rows)
    {
        await using var db = database.CreateContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private static WeChatInboundMessage WeChatRow(string key, DateTimeOffset receivedAt) =>
        new() { DedupeKey = key, UserKeyHash = "user", ReceivedAt = receivedAt, State = WeChatInboundState.Delivered, ReplyXml = "<xml/>" };

    private static TranscriptRecord Transcript(string text, DateTimeOffset at) =>
        new() { ChannelId = "wechat", ConversationId = "hashed", Direction = TranscriptDirection.Incoming, Type = "message", Text = text, Timestamp = at.UtcDateTime };

    private static BindingAttempt BindingAttempt(string user, DateTimeOffset at) =>
        new() { ChannelId = "wechat", UserKeyHash = user, Kind = BindingAttemptKind.WrongCode, OccurredAt = at.UtcDateTime };

    private static SmsOutboundMessage OutboundText(string outId, SmsOutboundStatus status) =>
        new() { OutId = outId, PhoneNumber = "13800000000", Text = "text", SignName = "sign", Status = status, CreatedAt = Now.AddDays(-200).UtcDateTime };
}
