using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Lets one writer at a time at a SQLite file: a SaveChanges, or a write command run on its own
/// (ExecuteUpdate, ExecuteDelete, or raw SQL such as an INSERT … RETURNING, which holds the gate until its
/// reader is disposed: SQLite commits such a statement only when it is reset). SQLite has a single writer
/// anyway; without this gate, concurrent writers collide on its lock and back off in its busy handler,
/// sleeping for milliseconds at a time, which under load costs far more than the writes. Queued here, each writer starts the moment the
/// previous one commits. PostgreSQL locks rows and needs no gate.
/// Work inside an explicit transaction passes ungated: its transaction already holds SQLite's lock, and
/// waiting here for a writer that waits on that lock would deadlock.
/// </summary>
internal sealed class SqliteWriteGate : ISaveChangesInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    // Who holds a gate: a context during its SaveChanges, or a write command run on its own.
    private readonly ConditionalWeakTable<object, SemaphoreSlim> _holders = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && GateFor(context) is { } gate) Enter(context, gate);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && GateFor(context) is { } gate) await EnterAsync(context, gate, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // EF raises no SaveChangesFailed for an optimistic-concurrency conflict, only this; without it the gate
    // would stay taken and every later write to the file would wait for ever.
    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (StandaloneWriteGate(command, eventData) is { } gate) Enter(command, gate);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (StandaloneWriteGate(command, eventData) is { } gate) await EnterAsync(command, gate, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (StandaloneWriteGate(command, eventData) is { } gate) Enter(command, gate);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (StandaloneWriteGate(command, eventData) is { } gate) await EnterAsync(command, gate, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    /// <summary>One gate per database file; none inside an explicit transaction.</summary>
    private SemaphoreSlim? GateFor(DbContext context) =>
        context.Database.CurrentTransaction is not null ? null : GateOf(context.Database.GetDbConnection().DataSource);

    /// <summary>
    /// The gate of the file <paramref name="dataSource"/> names, which <see cref="SqliteGroupCommit"/> takes too. The name
    /// is made absolute: a closed connection reports it as written, an open one as SQLite opened it.
    /// </summary>
    public SemaphoreSlim GateOf(string dataSource) =>
        _gates.GetOrAdd(Path.IsPathFullyQualified(dataSource) || dataSource.Contains(':', StringComparison.Ordinal) ? dataSource : Path.GetFullPath(dataSource), _ => new SemaphoreSlim(1, 1));

    /// <summary>A write command outside any transaction and outside a SaveChanges that already holds the gate.</summary>
    private SemaphoreSlim? StandaloneWriteGate(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && eventData.Context is { } context && !_holders.TryGetValue(context, out _) && IsWrite(command.CommandText)
            ? GateFor(context)
            : null;

    private static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        foreach (var verb in WriteVerbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private void Enter(object holder, SemaphoreSlim gate)
    {
        gate.Wait();
        _holders.AddOrUpdate(holder, gate);
    }

    private async Task EnterAsync(object holder, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        _holders.AddOrUpdate(holder, gate);
    }

    // Released once per acquisition, whichever of the completion events EF raises.
    private void Release(object? holder)
    {
        if (holder is not null && _holders.TryGetValue(holder, out var gate) && _holders.Remove(holder))
        {
            gate.Release();
        }
    }
}
