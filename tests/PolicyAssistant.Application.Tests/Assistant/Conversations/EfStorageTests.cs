using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Assistant.Conversations;

public sealed class EfStorageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WriteAsync_AnyETag_CreatesThenOverwrites()
    {
        using var database = TestDatabase.CreateSqlite();
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":1}""", StoreItem.AnyETag) }, None);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":2}""", StoreItem.AnyETag) }, None);

        Assert.Equal("""{"v":2}""", (await storage.ReadAsync(["k"], None))["k"].Json);
    }

    [Fact]
    public async Task WriteAsync_KeyNamingAUser_StoresItsKeyedHashOnly()
    {
        using var database = TestDatabase.CreateSqlite();
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["sms/users/13800138000"] = new("{}", StoreItem.AnyETag) }, None);

        using var db = database.CreateContext();
        Assert.Equal(TestKeys.Conversations.Of("sms/users/13800138000"), Assert.Single(db.Set<BotStateRecord>()).Key);
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyTheNamedDocuments()
    {
        using var database = TestDatabase.CreateSqlite();
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("{}", null), ["b"] = new("{}", null) }, None);

        await storage.DeleteAsync(["a"], None);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"], None)).Keys);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteAsync_RoundTripsTheDocument(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);
        const string json = """{"Question":"住院押金😀","Escaped":"\u0000"}""";

        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["wechat/conversations/o1"] = new(json, null) }, None);

        var read = await storage.ReadAsync(["wechat/conversations/o1", "wechat/conversations/o2"], None);
        Assert.Equal(new StoreItem(json, etags["wechat/conversations/o1"]), Assert.Single(read).Value);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteAsync_StaleETag_ThrowsConflictAndKeepsTheStoredDocument(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);
        var first = (await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":1}""", null) }, None))["k"];
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":2}""", first) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":3}""", first) }, None));
        Assert.Equal("""{"v":2}""", (await storage.ReadAsync(["k"], None))["k"].Json);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteAsync_CreateOverExisting_ThrowsConflict(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":1}""", null) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":2}""", null) }, None));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteAsync_OneConflictInABatch_WritesNothing(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var storage = new EfStorage(database.CreateFactory(), TestKeys.Conversations);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["taken"] = new("{}", null) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(
            new Dictionary<string, StoreItem> { ["fresh"] = new("{}", null), ["taken"] = new("{}", "stale") }, None));
        Assert.Empty(await storage.ReadAsync(["fresh"], None));
    }
}
