using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Connection settings that make SQLite fit a web server. WAL lets readers and the writer run together;
/// synchronous=NORMAL under WAL syncs at checkpoints rather than at every commit (a crash can lose the
/// last commits, never corrupt the file); busy_timeout makes a writer wait inside SQLite instead of
/// failing or polling; commits leave checkpoints to <see cref="SqliteCheckpointer"/>. The settings belong
/// to the native connection, which the pool keeps open across many opens of a <see cref="SqliteConnection"/>:
/// they are applied once per native connection, not at every open (EF opens a connection for each query).
/// The connection is created here rather than by EF's SQLite provider, which registers eight SQL functions
/// of its own on each connection (regexp and decimal arithmetic), and Microsoft.Data.Sqlite registers them
/// again at every open and removes them at every close: about 15% of the CPU of a WeChat message, for
/// functions no query of ours uses (the model has no decimal column, and no query asks for a regex).
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    internal static readonly string Pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint={SqliteCheckpointer.FallbackPages};";

    private static readonly object Tuned = new();

    private readonly ConditionalWeakTable<sqlite3, object> _tuned = [];

    /// <summary>A plain connection: EF takes it as given, without its functions.</summary>
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(eventData.ConnectionString));

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        SqliteCheckpointer.Keep(connection.ConnectionString);
        if (!NeedsTuning(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkTuned(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteCheckpointer.Keep(connection.ConnectionString);
        if (!NeedsTuning(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkTuned(connection);
    }

    private bool NeedsTuning(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_tuned.TryGetValue(handle, out _);

    private void MarkTuned(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _tuned.AddOrUpdate(handle, Tuned);
    }
}
