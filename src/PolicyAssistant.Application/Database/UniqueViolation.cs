using Microsoft.Data.Sqlite;
using Npgsql;

namespace PolicyAssistant.Application.Database;

public static class UniqueViolation
{
    /// <summary>True when the insert lost a race on a unique key, on either provider.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException is { } inner && inner.IsUniqueViolation();

    /// <summary>The same, for a raw SQL statement, whose provider exception is not wrapped.</summary>
    public static bool IsUniqueViolation(this Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
