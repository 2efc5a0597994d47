namespace PolicyAssistant.Conversation.State;

/// <summary>
/// A key-value store of JSON documents with optimistic concurrency. Every write names the ETag it last
/// read: <c>null</c> means "I saw no document" (create only), <see cref="StoreItem.AnyETag"/> means
/// "overwrite whatever is there", anything else must equal the stored ETag. A write whose ETag does not
/// match throws <see cref="StorageConflictException"/> and writes nothing of its batch.
/// </summary>
public interface IStorage
{
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes the batch atomically and returns the new ETag of each key.</summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

public sealed record StoreItem(string Json, string? ETag)
{
    public const string AnyETag = "*";
}

/// <summary>Another turn wrote the same document since it was read: this turn's changes were not saved.</summary>
public sealed class StorageConflictException(string message, Exception? innerException = null) : Exception(message, innerException);
