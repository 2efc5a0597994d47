using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Application.Assistant.Conversations;

/// <summary>
/// Transcripts in the product database, written with group commit: every turn's entries wait for a
/// database write, and the turns that arrive within <see cref="Linger"/> of the first, or while a write
/// is running, share the next one. Under load that is one transaction for many turns instead of one each,
/// with nothing held in memory unwritten once a caller's await returns (the bot does not wait for its
/// transcript, so the linger costs no answer any time). Reads wait for the writes queued before them, so whoever
/// reads through the store sees every turn logged so far. Disposal finishes the queued writes. ID and
/// mobile numbers in the text are stored masked.
/// </summary>
public sealed class EfTranscriptStore : ITranscriptStore, IAsyncDisposable
{
    private const int MaxTurnsPerWrite = 256;

    /// <summary>
    /// At a steady 1,000 messages a second, writing as soon as a turn arrived was a transaction per turn,
    /// each rewriting the same pages; waiting this long gathers about twenty.
    /// </summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);

    private readonly IDbContextFactory<PolicyAssistantDbContext> _contextFactory;
    private readonly ConversationKeys _conversationKeys;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private Task _lastQueued = Task.CompletedTask;

    public EfTranscriptStore(IDbContextFactory<PolicyAssistantDbContext> contextFactory, ConversationKeys conversationKeys)
    {
        _contextFactory = contextFactory;
        _conversationKeys = conversationKeys;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task LogActivitiesAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_queue)
        {
            // Under the lock, so that lastQueued is always the write queued last.
            if (!_queue.Writer.TryWrite(pending))
            {
                throw new ObjectDisposedException(nameof(EfTranscriptStore));
            }

            _lastQueued = pending.Written.Task;
        }

        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking entries and finishes writing what was queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    /// <summary>Writes run in queue order, so the last one queued finishing means all before it have.</summary>
    private async Task WhenQueuedWritesDoneAsync(CancellationToken cancellationToken)
    {
        Task last;
        lock (_queue)
        {
            last = _lastQueued;
        }

        await last.ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            await Task.Delay(Linger);
            while (batch.Count < MaxTurnsPerWrite && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch.SelectMany(p => p.Entries));
                batch.ForEach(p => p.Written.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad turn must not cost the others their transcript: write them one by one.
                foreach (var pending in batch)
                {
                    await WriteAloneAsync(pending);
                }
            }
            catch (Exception exception)
            {
                batch[0].Written.TrySetException(exception);
            }

            batch.Clear();
        }
    }

    private async Task WriteAloneAsync(PendingWrite pending)
    {
        try
        {
            await WriteAsync(pending.Entries);
            pending.Written.TrySetResult();
        }
        catch (Exception exception)
        {
            pending.Written.TrySetException(exception);
        }
    }

    /// <summary>
    /// Multi-row INSERTs in plain SQL, as one write: under load a write carries hundreds of turns, and the change tracker with a
    /// statement and a RETURNING per row cost more than the rows themselves. The values are those EF would store. A
    /// statement takes at most <see cref="RowsPerStatement"/> rows: SQLite finds each named parameter by a scan of the
    /// statement's names, so one statement of every row cost time in the square of its rows (7% of the CPU at 1,000
    /// messages a second), and a few fixed sizes keep their statements prepared on the group commit's connection.
    /// </summary>
    private async Task WriteAsync(IEnumerable<TranscriptEntry> entries)
    {
        await using var db = await _contextFactory.CreateDbContextAsync();
        await db.ExecuteGroupedAsync(entries.Chunk(RowsPerStatement).Select(InsertOf).ToList(), CancellationToken.None);
    }

    private const int RowsPerStatement = 8;

    private FormattableString InsertOf(TranscriptEntry[] rows)
    {
        const int Columns = 7;
        var sql = new StringBuilder("""INSERT INTO "Transcripts" ("ChannelId", "ConversationId", "Direction", "Type", "Text", "ActivityId", "Timestamp") VALUES """);
        var values = new List<object?>(rows.Length * Columns);
        foreach (var entry in rows)
        {
            var first = values.Count;
            sql.Append(first == 0 ? "(" : ", (")
                .AppendJoin(", ", Enumerable.Range(first, Columns).Select(i => $"{{{i.ToString(CultureInfo.InvariantCulture)}}}"))
                .Append(')');
            values.AddRange([
                entry.ChannelId, _conversationKeys.Of(entry.ConversationId), entry.Direction.ToString(), entry.Type,
                Storable(PersonalDataRedaction.Mask(entry.Text)), entry.ActivityId, entry.Timestamp.UtcDateTime,
            ]);
        }

        return FormattableStringFactory.Create(sql.ToString(), [.. values]);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await WhenQueuedWritesDoneAsync(cancellationToken);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var storedId = _conversationKeys.Of(conversationId);
        return await db.Set<TranscriptRecord>()
            .AsNoTracking()
            .Where(record => record.ChannelId == channelId && record.ConversationId == storedId)
            .OrderBy(record => record.Id)
            .Select(record => new TranscriptEntry(record.ChannelId, conversationId, record.Direction, record.Type, record.Text, record.ActivityId, new DateTimeOffset(DateTime.SpecifyKind(record.Timestamp, DateTimeKind.Utc))))
            .ToListAsync(cancellationToken);
    }

    public async Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await WhenQueuedWritesDoneAsync(cancellationToken);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var storedId = _conversationKeys.Of(conversationId);
        await db.Set<TranscriptRecord>()
            .Where(record => record.ChannelId == channelId && record.ConversationId == storedId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL text cannot hold NUL, and neither database can hold half an emoji (a lone surrogate
    /// left by a cut message): both become U+FFFD so that the rest of the message is kept.
    /// </summary>
    private static string? Storable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private sealed record PendingWrite(IReadOnlyList<TranscriptEntry> Entries, TaskCompletionSource Written);
}
