using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyAssistant.Conversation.State;

namespace PolicyAssistant.Application.Assistant.Conversations;

/// <summary>
/// Conversation and user state in the product database (SQLite or PostgreSQL). The ETag check is done by
/// the database: an update names the ETag it expects and a create relies on the primary key, so two
/// turns racing on one conversation cannot both win.
/// </summary>
public sealed class EfStorage(IDbContextFactory<PolicyAssistantDbContext> contextFactory, ConversationKeys conversationKeys) : IStorage
{
    private const string ChangedSinceRead = "A state document was changed or removed by another turn since it was read.";

    // Every turn reads its document: compiled once, so a read skips EF's per-call expression work (about a tenth of a WeChat message's CPU went there).
    private static readonly CompiledPerModel<Func<PolicyAssistantDbContext, string, CancellationToken, Task<StoreItem?>>> ReadOne = new(() => EF.CompileAsyncQuery(
        (PolicyAssistantDbContext db, string storedKey, CancellationToken _) =>
            db.Set<BotStateRecord>().Where(record => record.Key == storedKey).Select(record => new StoreItem(record.Json, record.ETag)).FirstOrDefault()));

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var byStoredKey = keys.Distinct().ToDictionary(conversationKeys.Of);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (byStoredKey.Count == 1 && byStoredKey.Single() is var (storedKey, key))
        {
            // A turn reads one document: an equality lookup, not an IN over a list.
            var item = await ReadOne.For(db)(db, storedKey, cancellationToken);
            return item is null ? new Dictionary<string, StoreItem>() : new Dictionary<string, StoreItem> { [key] = item };
        }

        var wanted = byStoredKey.Keys.ToList();
        return await db.Set<BotStateRecord>()
            .AsNoTracking()
            .Where(record => wanted.Contains(record.Key))
            .ToDictionaryAsync(record => byStoredKey[record.Key], record => new StoreItem(record.Json, record.ETag), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = db.Set<BotStateRecord>();
        var now = DateTime.UtcNow;
        if (changes.Count == 1 && changes.Single() is var (onlyKey, only) && only.ETag is { } expected && expected != StoreItem.AnyETag)
        {
            // The usual turn: one document, written only if no other turn changed it since it was read. One plain UPDATE,
            // without the change tracker or ExecuteUpdate's translation (which cost more than the write itself), grouped
            // with other turns' writes.
            var newETag = Guid.NewGuid().ToString("N");
            var storedKey = conversationKeys.Of(onlyKey);
            var updated = await db.ExecuteGroupedAsync($"""
                UPDATE "BotStates" SET "Json" = {only.Json}, "ETag" = {newETag}, "UpdatedAt" = {now}
                WHERE "Key" = {storedKey} AND "ETag" = {expected}
                """, cancellationToken);
            return updated == 1 ? new Dictionary<string, string> { [onlyKey] = newETag } : throw new StorageConflictException(ChangedSinceRead);
        }

        var overwritten = changes.Where(change => change.Value.ETag == StoreItem.AnyETag).Select(change => conversationKeys.Of(change.Key)).ToList();
        var existing = overwritten.Count == 0
            ? []
            : await records.Where(record => overwritten.Contains(record.Key)).ToDictionaryAsync(record => record.Key, cancellationToken);

        var etags = new Dictionary<string, string>();
        foreach (var (key, change) in changes)
        {
            var etag = Guid.NewGuid().ToString("N");
            etags[key] = etag;
            var storedKey = conversationKeys.Of(key);
            if (existing.TryGetValue(storedKey, out var record))
            {
                (record.Json, record.ETag, record.UpdatedAt) = (change.Json, etag, now);
            }
            else if (change.ETag is null or StoreItem.AnyETag)
            {
                records.Add(new BotStateRecord { Key = storedKey, Json = change.Json, ETag = etag, UpdatedAt = now });
            }
            else
            {
                // Attached as last read, so the UPDATE matches only if the stored ETag is still that one.
                var entry = records.Attach(new BotStateRecord { Key = storedKey, Json = change.Json, ETag = change.ETag, UpdatedAt = now });
                entry.Property(stored => stored.Json).IsModified = true;
                entry.Property(stored => stored.UpdatedAt).IsModified = true;
                entry.Property(stored => stored.ETag).CurrentValue = etag;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new StorageConflictException(ChangedSinceRead, exception);
        }
        catch (DbUpdateException exception) when (IsDuplicateKey(exception))
        {
            throw new StorageConflictException("A state document was created by another turn since it was read.", exception);
        }

        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var doomed = keys.Distinct().Select(conversationKeys.Of).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<BotStateRecord>().Where(record => doomed.Contains(record.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private static bool IsDuplicateKey(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteExtendedErrorCodes.PrimaryKey or SqliteExtendedErrorCodes.Unique,
        _ => false,
    };

    private static class SqliteExtendedErrorCodes
    {
        public const int PrimaryKey = 1555;
        public const int Unique = 2067;
    }
}
