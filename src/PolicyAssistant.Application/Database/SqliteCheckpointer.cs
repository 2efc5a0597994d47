using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Copies a SQLite file's write-ahead log back into the file (a checkpoint) twenty times a second on a thread of its own,
/// so that no write has to. Left to SQLite, the commit that takes the log past its limit checkpoints before it returns:
/// it copies and syncs the log's pages while it holds the file's single writer (and <see cref="SqliteWriteGate"/>), and
/// every write queued behind it, a WeChat message's included, waits. Each round copies the bulk with passive
/// checkpoints, which take no writer lock: writes go on beside them. But the log starts again from its beginning only
/// once every page in it has been copied and no reader still uses it, and under steady writes a passive checkpoint never
/// sees that moment: the log grew until a commit reached <see cref="FallbackPages"/> and checkpointed it (at 1,000 WeChat
/// messages a second about 10,000 pages a second: one commit of 30-50 ms every second, the webhook's p99). So each round
/// ends with a restart checkpoint under the gate: it copies the few pages written since the passive ones, syncs the file
/// (the passive copies are synced only by a checkpoint that copies the whole log) and the next writer starts the log
/// again. Its hold on the gate grows with the pages copied since the last restart, so rounds are short: at 1,000 messages
/// a second the webhook's p99 fell from 37.5 ms to about 17 (with the group commit's in-memory statement journals), and
/// three runs in a row gave 16.8/18.8/22.9 ms at ten rounds a second against 17.2/16.6/14.5 at twenty. The thread ends after a
/// few seconds in which nobody wrote; the next connection opened on the file starts it again.
/// </summary>
internal sealed class SqliteCheckpointer
{
    /// <summary>About 40 MB of log, past which commits checkpoint as SQLite's own do: reached only if the thread falls behind.</summary>
    internal const int FallbackPages = 10_000;

    private const int IdleRounds = 100;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);
    private static readonly ConcurrentDictionary<string, SqliteCheckpointer> Files = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private int _running;

    private SqliteCheckpointer(string connectionString) => _connectionString = connectionString;

    /// <summary>Makes sure the file <paramref name="connectionString"/> opens is checkpointed; cheap when it already is.</summary>
    public static void Keep(string connectionString)
    {
        var checkpointer = Files.GetOrAdd(connectionString, static key => new SqliteCheckpointer(key));
        if (Volatile.Read(ref checkpointer._running) == 0 && Interlocked.CompareExchange(ref checkpointer._running, 1, 0) == 0)
        {
            new Thread(checkpointer.Run) { IsBackground = true, Name = "SQLite checkpoint" }.Start();
        }
    }

    private void Run()
    {
        try
        {
            var file = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false };
            if (file.Mode == SqliteOpenMode.Memory || file.DataSource is "" or ":memory:") return;
            var gate = SqliteWriteGate.Instance.GateOf(file.DataSource);
            using var connection = new SqliteConnection(file.ToString());
            connection.Open();
            // The restart runs under the gate: it never waits there, for a writer outside the gate or a reader of the
            // old log; busy, it leaves the log to the next round.
            Read(connection, "PRAGMA busy_timeout=0");
            long? lastVersion = null;
            for (var idle = 0; idle < IdleRounds;)
            {
                Thread.Sleep(Every);
                // data_version changes when another connection commits: a round without one is idle.
                var version = Read(connection, "PRAGMA data_version");
                idle = version == lastVersion ? idle + 1 : 0;
                lastVersion = version;
                // The second copies what was written during the first, so that little is left for the restart.
                Read(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                if (Read(connection, "PRAGMA wal_checkpoint(PASSIVE)", column: 1) == 0) continue;
                gate.Wait();
                try
                {
                    Read(connection, "PRAGMA wal_checkpoint(RESTART)");
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (SqliteException)
        {
            // The file went away (a test's folder deleted) or could not be opened: nothing to checkpoint; the next open tries again.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Runs <paramref name="sql"/>; its first row's <paramref name="column"/> (a checkpoint's second column is the pages in the log).</summary>
    private static long Read(SqliteConnection connection, string sql, int column = 0)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var row = command.ExecuteReader();
        return row.Read() ? row.GetInt64(column) : 0;
    }
}
