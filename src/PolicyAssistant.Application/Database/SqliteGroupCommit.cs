using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Runs the writes every WeChat message makes (see <see cref="GroupedWrites"/>) on one SQLite connection on a thread of
/// its own, every write waiting when a transaction starts going into it (group commit). Run one by one through
/// <see cref="SqliteWriteGate"/>, each write held the file's single writer for about 0.3 ms: a pooled connection's page
/// cache is stale after another connection's commit and is read again, the statement is prepared anew, and a commit
/// writes its pages to the WAL, while handing the gate from one request to the next waits for a pool thread. At 600
/// messages a second the gate was busy 40% of the time and its queue was the webhook's p99. Here the connection keeps its
/// cache and its prepared statements, a page several writes change is written once per transaction, and the thread
/// never waits for the pool. Each write runs under a savepoint, so one that fails (a replayed signature's unique key)
/// fails alone (a write of several statements is undone whole); callers get their result once the transaction has committed. The writer takes the file's gate for each
/// transaction, so it and EF's writers still take turns; it closes its connection and ends after a few idle seconds.
/// </summary>
internal sealed class SqliteGroupCommit
{
    private const int MaxWritesPerTransaction = 256;
    private const int MaxPreparedStatements = 64;

    /// <summary>
    /// Every grouped write runs under a savepoint, which keeps a copy of each page it changes to undo it (a statement
    /// journal): in a temporary file, that was about 11,000 page writes a second at 1,000 WeChat messages a second.
    /// The writes here are small, so their journals fit in memory; EF's connections keep SQLite's default, where a
    /// large sort (a campaign's audience) spills to a file.
    /// </summary>
    private const string InMemoryStatementJournals = "PRAGMA temp_store=MEMORY";

    private static readonly TimeSpan IdleEnd = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> Writers = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate;
    private readonly Queue<GroupedWrite> _queue = new();
    private bool _draining;

    private SqliteGroupCommit(string connectionString)
    {
        _connectionString = connectionString;
        _gate = SqliteWriteGate.Instance.GateOf(new SqliteConnectionStringBuilder(connectionString).DataSource);
    }

    public static SqliteGroupCommit For(string connectionString) => Writers.GetOrAdd(connectionString, static key => new SqliteGroupCommit(key));

    /// <summary>Runs <paramref name="statements"/> in order, all or none; the result is <paramref name="run"/>'s on the last.</summary>
    public Task<T> WriteAsync<T>(IReadOnlyList<FormattableString> statements, Func<SqliteCommand, T> run)
    {
        var write = new GroupedWrite<T>(statements, run);
        lock (_queue)
        {
            _queue.Enqueue(write);
            if (_draining)
            {
                Monitor.Pulse(_queue);
            }
            else
            {
                _draining = true;
                new Thread(Drain) { IsBackground = true, Name = "SQLite group commit" }.Start();
            }
        }

        return write.Task;
    }

    private void Drain()
    {
        using var connection = new SqliteConnection(_connectionString);
        var statements = new PreparedStatements(connection);
        var batch = new List<GroupedWrite>();
        try
        {
            connection.Open();
            statements.Run(SqliteTuning.Pragmas);
            statements.Run(InMemoryStatementJournals);
            while (TakeBatch(batch))
            {
                Commit(statements, batch);
                batch.Clear();
            }
        }
        catch (Exception exception)
        {
            // The connection could not be opened, or failed past a transaction's rollback: these writes, and any queued
            // meanwhile, fail; the next write starts a new thread with a new connection.
            lock (_queue)
            {
                batch.AddRange(_queue);
                _queue.Clear();
                _draining = false;
            }

            batch.ForEach(write =>
            {
                write.Fail(exception);
                write.Complete();
            });
        }
    }

    /// <summary>Waits for writes; false (and the thread ends) after <see cref="IdleEnd"/> without one.</summary>
    private bool TakeBatch(List<GroupedWrite> batch)
    {
        lock (_queue)
        {
            while (_queue.Count == 0)
            {
                if (!Monitor.Wait(_queue, IdleEnd) && _queue.Count == 0)
                {
                    _draining = false;
                    return false;
                }
            }

            while (batch.Count < MaxWritesPerTransaction && _queue.TryDequeue(out var write))
            {
                batch.Add(write);
            }

            return true;
        }
    }

    private void Commit(PreparedStatements statements, List<GroupedWrite> batch)
    {
        SqliteCheckpointer.Keep(_connectionString);
        _gate.Wait();
        try
        {
            statements.Run("BEGIN IMMEDIATE");
            foreach (var write in batch)
            {
                statements.Run("SAVEPOINT grouped");
                try
                {
                    write.Run(statements);
                    statements.Run("RELEASE grouped");
                }
                catch (SqliteException exception)
                {
                    statements.Run("ROLLBACK TO grouped");
                    statements.Run("RELEASE grouped");
                    write.Fail(exception);
                }
            }

            statements.Run("COMMIT");
        }
        catch (Exception exception)
        {
            // Nothing of the transaction was kept: every write in it fails, none is reported done.
            if (!statements.Connection.AutoCommit()) statements.Run("ROLLBACK");
            batch.ForEach(write => write.Fail(exception));
        }
        finally
        {
            _gate.Release();
        }

        batch.ForEach(write => write.Complete());
    }

    /// <summary>
    /// Commands kept prepared on the writer's connection, by their SQL's format (the interpolated SQL before its values):
    /// the hot path runs the same few over and over, and this thread then neither prepares nor formats them again.
    /// </summary>
    private sealed class PreparedStatements(SqliteConnection connection)
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteConnection Connection => connection;

        /// <summary>Runs SQL without values (no braces, so it is its own format).</summary>
        public void Run(string sql) => Bound(FormattableStringFactory.Create(sql)).ExecuteNonQuery();

        /// <summary>The command for <paramref name="sql"/>, with its values.</summary>
        public SqliteCommand Bound(FormattableString sql)
        {
            if (!_commands.TryGetValue(sql.Format, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = GroupedWrites.Text(sql);
                if (_commands.Count < MaxPreparedStatements) _commands[sql.Format] = command;
            }

            GroupedWrites.Bind(command, sql);
            return command;
        }
    }

    private abstract class GroupedWrite
    {
        public abstract void Run(PreparedStatements prepared);

        public abstract void Fail(Exception exception);

        public abstract void Complete();
    }

    private sealed class GroupedWrite<T>(IReadOnlyList<FormattableString> statements, Func<SqliteCommand, T> run) : GroupedWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Exception? _failure;
        private T? _result;

        public Task<T> Task => _done.Task;

        public override void Run(PreparedStatements prepared)
        {
            foreach (var sql in statements)
            {
                _result = run(prepared.Bound(sql));
            }
        }

        public override void Fail(Exception exception) => _failure ??= exception;

        public override void Complete()
        {
            if (_failure is null) _done.TrySetResult(_result!);
            else _done.TrySetException(_failure);
        }
    }
}

internal static class SqliteConnectionState
{
    /// <summary>True when no transaction is open on the connection (a failed COMMIT may already have rolled back).</summary>
    public static bool AutoCommit(this SqliteConnection connection) => SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0;
}
