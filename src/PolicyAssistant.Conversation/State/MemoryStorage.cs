namespace PolicyAssistant.Conversation.State;

/// <summary>Storage in process memory, for tests and the local bot tester; lost on restart.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoreItem> _items = [];
    private readonly Lock _lock = new();

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, StoreItem> found = keys
                .Distinct()
                .Where(_items.ContainsKey)
                .ToDictionary(key => key, key => _items[key]);
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var (key, change) in changes)
            {
                var stored = _items.GetValueOrDefault(key);
                var matches = change.ETag == StoreItem.AnyETag || change.ETag == stored?.ETag;
                if (!matches)
                {
                    throw new StorageConflictException($"The document was changed by another turn (expected ETag {change.ETag ?? "none"}).");
                }
            }

            var etags = new Dictionary<string, string>();
            foreach (var (key, change) in changes)
            {
                var etag = Guid.NewGuid().ToString("N");
                _items[key] = new StoreItem(change.Json, etag);
                etags[key] = etag;
            }

            return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
