using PolicyAssistant.Conversation.State;

namespace PolicyAssistant.Conversation.Tests.State;

public sealed class MemoryStorageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WriteAsync_ThenRead_ReturnsTheDocumentWithItsNewETag()
    {
        var storage = new MemoryStorage();

        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("""{"a":1}""", null) }, None);
        var read = await storage.ReadAsync(["k", "missing"], None);

        Assert.Equal(new StoreItem("""{"a":1}""", etags["k"]), Assert.Single(read).Value);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsConflictAndKeepsTheStoredDocument()
    {
        var storage = new MemoryStorage();
        var first = (await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("1", null) }, None))["k"];
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("2", first) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("3", first) }, None));
        Assert.Equal("2", (await storage.ReadAsync(["k"], None))["k"].Json);
    }

    [Fact]
    public async Task WriteAsync_CreateOverAnExistingDocument_ThrowsConflict()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("1", null) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("2", null) }, None));
    }

    [Fact]
    public async Task WriteAsync_OneStaleItemInABatch_WritesNothing()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["taken"] = new("1", null) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(
            new Dictionary<string, StoreItem> { ["fresh"] = new("new", null), ["taken"] = new("2", "stale") }, None));
        Assert.Empty(await storage.ReadAsync(["fresh"], None));
    }

    [Fact]
    public async Task WriteAsync_AnyETag_Overwrites()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("1", null) }, None);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("2", StoreItem.AnyETag) }, None);

        Assert.Equal("2", (await storage.ReadAsync(["k"], None))["k"].Json);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheDocument()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("1", null) }, None);

        await storage.DeleteAsync(["k"], None);

        Assert.Empty(await storage.ReadAsync(["k"], None));
    }
}
