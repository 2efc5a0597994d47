using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Assistant.Conversations;

public sealed class EfStorageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public Task WriteAsync_Sqlite_RoundTripsTheDocument() => RoundTripsTheDocument(TestDatabase.CreateSqlite());

    [PostgresFact]
    public Task WriteAsync_Postgres_RoundTripsTheDocument() => RoundTripsTheDocument(TestDatabase.CreatePostgres());

    [Fact]
    public Task WriteAsync_SqliteStaleETag_ThrowsConflictAndKeepsTheStoredDocument() => StaleETagConflicts(TestDatabase.CreateSqlite());

    [PostgresFact]
    public Task WriteAsync_PostgresStaleETag_ThrowsConflictAndKeepsTheStoredDocument() => StaleETagConflicts(TestDatabase.CreatePostgres());

    [Fact]
    public Task WriteAsync_SqliteCreateOverExisting_ThrowsConflict() => CreateOverExistingConflicts(TestDatabase.CreateSqlite());

    [PostgresFact]
    public Task WriteAsync_PostgresCreateOverExisting_ThrowsConflict() => CreateOverExistingConflicts(TestDatabase.CreatePostgres());

    [Fact]
    public Task WriteAsync_SqliteOneConflictInABatch_WritesNothing() => BatchIsAtomic(TestDatabase.CreateSqlite());

    [PostgresFact]
    public Task WriteAsync_PostgresOneConflictInABatch_WritesNothing() => BatchIsAtomic(TestDatabase.CreatePostgres());

    [Fact]
    public async Task WriteAsync_AnyETag_CreatesThenOverwrites()
    {
        using var database = TestDatabase.CreateSqlite();
        var storage = new EfStorage(database.CreateFactory());

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":1}""", StoreItem.AnyETag) }, None);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":2}""", StoreItem.AnyETag) }, None);

        Assert.Equal("""{"v":2}""", (await storage.ReadAsync(["k"], None))["k"].Json);
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyTheNamedDocuments()
    {
        using var database = TestDatabase.CreateSqlite();
        var storage = new EfStorage(database.CreateFactory());
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("{}", null), ["b"] = new("{}", null) }, None);

        await storage.DeleteAsync(["a"], None);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"], None)).Keys);
    }

    private static async Task RoundTripsTheDocument(TestDatabase database)
    {
        using (database)
        {
            var storage = new EfStorage(database.CreateFactory());
            const string json = """{"Question":"住院押金😀","Escaped":"\u0000"}""";

            var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["wechat/conversations/o1"] = new(json, null) }, None);

            var read = await storage.ReadAsync(["wechat/conversations/o1", "wechat/conversations/o2"], None);
            Assert.Equal(new StoreItem(json, etags["wechat/conversations/o1"]), Assert.Single(read).Value);
        }
    }

    private static async Task StaleETagConflicts(TestDatabase database)
    {
        using (database)
        {
            var storage = new EfStorage(database.CreateFactory());
            var first = (await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":1}""", null) }, None))["k"];
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":2}""", first) }, None);

            await Assert.ThrowsAsync<StorageConflictException>(() =>
                storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":3}""", first) }, None));
            Assert.Equal("""{"v":2}""", (await storage.ReadAsync(["k"], None))["k"].Json);
        }
    }

    private static async Task CreateOverExistingConflicts(TestDatabase database)
    {
        using (database)
        {
            var storage = new EfStorage(database.CreateFactory());
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":1}""", null) }, None);

            await Assert.ThrowsAsync<StorageConflictException>(() =>
                storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"v":2}""", null) }, None));
        }
    }

    private static async Task BatchIsAtomic(TestDatabase database)
    {
        using (database)
        {
            var storage = new EfStorage(database.CreateFactory());
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["taken"] = new("{}", null) }, None);

            await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(
                new Dictionary<string, StoreItem> { ["fresh"] = new("{}", null), ["taken"] = new("{}", "stale") }, None));
            Assert.Empty(await storage.ReadAsync(["fresh"], None));
        }
    }
}
