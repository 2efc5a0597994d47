using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>
/// Counts the answers each entry gave, in memory: counting is two interlocked operations on the bot's path, and
/// <see cref="KnowledgeEntryHitFlushWorker"/> writes the sums every few seconds, one statement per entry hit since.
/// </summary>
public sealed class KnowledgeEntryHitCounter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public void Count(string entryId)
    {
        var tally = _tallies.GetOrAdd(entryId, static _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Exchange(ref tally.LastTicks, clock.GetUtcNow().UtcTicks);
    }

    /// <summary>Takes the counts since the last call; a hit counted meanwhile is left for the next.</summary>
    public IReadOnlyList<(string EntryId, long Count, DateTimeOffset LastHitAt)> Take()
    {
        var taken = new List<(string, long, DateTimeOffset)>();
        foreach (var (id, tally) in _tallies)
        {
            if (Interlocked.Exchange(ref tally.Count, 0) is var count and > 0)
            {
                taken.Add((id, count, new DateTimeOffset(Interlocked.Read(ref tally.LastTicks), TimeSpan.Zero)));
            }
        }

        return taken;
    }

    /// <summary>Writes the counts taken since the last flush; adds them to what other instances wrote.</summary>
    public async Task FlushAsync(IDbContextFactory<PolicyAssistantDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var taken = Take();
        if (taken.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var (entryId, count, last) in taken)
        {
            if (await AddAsync(db, entryId, count, last, cancellationToken) == 0)
            {
                db.Add(new KnowledgeEntryHits { EntryId = entryId, Count = count, LastHitAt = last });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // Another instance wrote the first row at the same moment: add to it.
                    db.ChangeTracker.Clear();
                    await AddAsync(db, entryId, count, last, cancellationToken);
                }
            }
        }
    }

    private static Task<int> AddAsync(PolicyAssistantDbContext db, string entryId, long count, DateTimeOffset last, CancellationToken cancellationToken) =>
        db.Set<KnowledgeEntryHits>().Where(h => h.EntryId == entryId).ExecuteUpdateAsync(
            h => h.SetProperty(x => x.Count, x => x.Count + count).SetProperty(x => x.LastHitAt, last),
            cancellationToken);

    private sealed class Tally
    {
        public long Count;
        public long LastTicks;
    }
}

/// <summary>Writes counted hits every <see cref="KnowledgeBaseOptions.HitFlushInterval"/>, and once more on shutdown.</summary>
internal sealed partial class KnowledgeEntryHitFlushWorker(
    KnowledgeEntryHitCounter counter,
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    IOptions<KnowledgeBaseOptions> options,
    ILogger<KnowledgeEntryHitFlushWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HitFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(dbFactory, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // Counts are statistics: a failed write loses a few seconds of them, never an answer.
            LogFlushFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Knowledge entry hits could not be written.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
