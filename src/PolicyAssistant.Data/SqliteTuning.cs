using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyAssistant.Data;

/// <summary>
/// Connection settings that make SQLite fit a web server. WAL lets readers and the writer run together;
/// synchronous=NORMAL under WAL syncs at checkpoints rather than at every commit (a crash can lose the
/// last commits, never corrupt the file); busy_timeout makes a writer wait inside SQLite instead of
/// failing or polling.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
