using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Assistant.Conversations;

public sealed class EfTranscriptStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Noon = new(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task LogActivitiesAsync_OneTurnFailsInASharedWrite_TheOthersAreStillWritten()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);
        var unstorable = new TranscriptEntry("wechat", null!, TranscriptDirection.Incoming, "message", "坏", null, Noon);

        var turns = Enumerable.Range(0, 20)
            .Select(i => store.LogActivitiesAsync(i == 7 ? [unstorable] : [Entry($"o{i}", TranscriptDirection.Incoming, "押金")], None))
            .ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => turns[7]);
        await Task.WhenAll(turns.Where((_, i) => i != 7));
        Assert.Single(await store.GetTranscriptAsync("wechat", "o19", None));
    }

    [Fact]
    public async Task LogActivitiesAsync_ConversationOfAUser_StoresItsKeyedHashOnly()
    {
        using var database = TestDatabase.CreateSqlite();
        await using (var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations))
        {
            await store.LogActivitiesAsync([Entry("oOpenId0001", TranscriptDirection.Incoming, "押金")], None);
        }

        using var db = database.CreateContext();
        Assert.Equal(TestKeys.Conversations.Of("oOpenId0001"), Assert.Single(db.Set<TranscriptRecord>()).ConversationId);
    }

    [Fact]
    public async Task LogActivitiesAsync_TextWithAnIdNumber_IsStoredMasked()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);

        await store.LogActivitiesAsync([Entry("o1", TranscriptDirection.Incoming, "身份证45022319800101123X")], None);

        Assert.Equal("身份证4502**********123X", Assert.Single(await store.GetTranscriptAsync("wechat", "o1", None)).Text);
    }

    [Fact]
    public async Task GetTranscriptAsync_RightAfterALogNobodyWaitedFor_SeesIt()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);

        var write = store.LogActivitiesAsync([Entry("o1", TranscriptDirection.Incoming, "押金")], None);
        var read = await store.GetTranscriptAsync("wechat", "o1", None);

        Assert.Single(read);
        await write;
    }

    [Fact]
    public async Task DeleteTranscriptAsync_RemovesOnlyThatConversation()
    {
        using var database = TestDatabase.CreateSqlite();
        var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);
        await store.LogActivitiesAsync([Entry("a", TranscriptDirection.Incoming, "你好"), Entry("b", TranscriptDirection.Incoming, "你好")], None);

        await store.DeleteTranscriptAsync("wechat", "a", None);

        Assert.Empty(await store.GetTranscriptAsync("wechat", "a", None));
        Assert.Single(await store.GetTranscriptAsync("wechat", "b", None));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LogActivitiesAsync_ManyTurnsAtOnce_WritesEveryTurn(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.LogActivitiesAsync(
            [Entry($"o{i}", TranscriptDirection.Incoming, "押金"), Entry($"o{i}", TranscriptDirection.Outgoing, "不用交押金。")], None))));

        foreach (var i in new[] { 0, 99, 199 })
        {
            Assert.Equal(2, (await store.GetTranscriptAsync("wechat", $"o{i}", None)).Count);
        }
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LogActivitiesAsync_ReadsBackInOrder(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);
        TranscriptEntry[] entries =
        [
            Entry("o1", TranscriptDirection.Incoming, "住院要交押金吗", "msg-1"),
            Entry("o1", TranscriptDirection.Outgoing, "建档立卡贫困户住院实行先诊疗后付费。"),
            Entry("o2", TranscriptDirection.Incoming, "别人的问题", "msg-2"),
        ];

        await store.LogActivitiesAsync(entries, None);

        Assert.Equal(entries[..2], await store.GetTranscriptAsync("wechat", "o1", None));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LogActivitiesAsync_NaughtyText_KeepsAllButTheUnstorable(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var store = new EfTranscriptStore(database.CreateFactory(), TestKeys.Conversations);
        var texts = NaughtyStrings.Unrecognisable.Append("押金\0\uD83D吗").ToList();

        await store.LogActivitiesAsync(texts.Select(text => Entry("o1", TranscriptDirection.Incoming, text)).ToList(), None);

        var read = await store.GetTranscriptAsync("wechat", "o1", None);
        Assert.Equal("押金\uFFFD\uFFFD吗", read[^1].Text);
        Assert.Equal(new string('住', 5000), read[1].Text);
        Assert.Equal(texts.Count, read.Count);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TranscriptRecord_FilteredAndOrderedByTimestamp_Translates(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var factory = database.CreateFactory();
        await new EfTranscriptStore(factory, TestKeys.Conversations).LogActivitiesAsync(
            [
                Entry("o1", TranscriptDirection.Incoming, "上周的问题") with { Timestamp = Noon.AddDays(-7) },
                Entry("o1", TranscriptDirection.Incoming, "今天的问题"),
            ],
            None);

        var since = Noon.AddDays(-1).UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(None);
        var recent = await db.Set<TranscriptRecord>().Where(record => record.Timestamp >= since).OrderByDescending(record => record.Timestamp).ToListAsync(None);

        Assert.Equal(["今天的问题"], recent.Select(record => record.Text));
    }

    private static TranscriptEntry Entry(string conversationId, TranscriptDirection direction, string text, string? activityId = null) =>
        new("wechat", conversationId, direction, "message", text, activityId, Noon.ToUniversalTime());
}
