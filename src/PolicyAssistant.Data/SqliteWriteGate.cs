using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyAssistant.Data;

/// <summary>
/// Lets one SaveChanges at a time write to a SQLite file. SQLite has a single writer anyway; without
/// this gate, concurrent writers collide on its lock and back off in its busy handler, sleeping for
/// milliseconds at a time, which under load costs far more than the writes. Queued here, each writer
/// starts the moment the previous one commits. PostgreSQL locks rows and needs no gate.
/// A SaveChanges inside an explicit transaction passes ungated: its transaction already holds SQLite's
/// lock, and waiting here for a writer that waits on that lock would deadlock.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _holders = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (GateFor(eventData.Context) is { } gate)
        {
            gate.Wait();
            _holders.AddOrUpdate(eventData.Context!, gate);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (GateFor(eventData.Context) is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(eventData.Context!, gate);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // EF raises no SaveChangesFailed for an optimistic-concurrency conflict, only this; without it the gate
    // would stay taken and every later write to the file would wait for ever.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>One gate per database file; none inside an explicit transaction.</summary>
    private SemaphoreSlim? GateFor(DbContext? context) =>
        context is null || context.Database.CurrentTransaction is not null
            ? null
            : _gates.GetOrAdd(context.Database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));

    // Released once per acquisition, whichever of the completion events EF raises.
    private void Release(DbContext? context)
    {
        if (context is not null && _holders.TryGetValue(context, out var gate) && _holders.Remove(context))
        {
            gate.Release();
        }
    }
}
