using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Copies a SQLite file's write-ahead log back into the file (a checkpoint) ten times a second on a thread of its own,
/// so that no write has to. Left to SQLite, the commit that takes the log past its limit checkpoints before it returns:
/// it writes and syncs the log's pages while it holds the file's single writer (and <see cref="SqliteWriteGate"/>), and
/// every write queued behind it, a WeChat message's included, waits for the copy and its syncs. A passive checkpoint
/// takes no writer lock: writes go on beside it, and once it has copied the whole log the next writer starts the log
/// again from its beginning. At 1,000 WeChat messages a second the log grows by about 10,000 pages a second:
/// checkpointing once a second let it reach <see cref="FallbackPages"/>, where commits checkpoint again (webhook p99
/// 79.5 ms against 41.4 ms at ten times a second, back to back on this 2-core machine). The thread ends after a few
/// seconds in which nobody wrote; the next connection opened on the file starts it again.
/// </summary>
internal sealed class SqliteCheckpointer
{
    /// <summary>About 40 MB of log, past which commits checkpoint as SQLite's own do: reached only if the thread falls behind.</summary>
    internal const int FallbackPages = 10_000;

    private const int IdleRounds = 50;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
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
            using var connection = new SqliteConnection(file.ToString());
            connection.Open();
            long? lastVersion = null;
            for (var idle = 0; idle < IdleRounds;)
            {
                Thread.Sleep(Every);
                // data_version changes when another connection commits: a round without one is idle.
                var version = Scalar(connection, "PRAGMA data_version");
                idle = version == lastVersion ? idle + 1 : 0;
                lastVersion = version;
                Scalar(connection, "PRAGMA wal_checkpoint(PASSIVE)");
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

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
