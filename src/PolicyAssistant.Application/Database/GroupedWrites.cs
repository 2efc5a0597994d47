using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Plain-SQL writes for the statements every WeChat message runs, written as for EF's <c>ExecuteSql</c> (values
/// interpolated, sent as parameters). On a SQLite file they go to <see cref="SqliteGroupCommit"/>, many to a
/// transaction; inside the context's own transaction, and on PostgreSQL (which locks rows and needs no single
/// writer), they run on the context's connection.
/// </summary>
public static class GroupedWrites
{
    /// <summary>Runs a write; returns the number of rows it changed.</summary>
    public static Task<int> ExecuteGroupedAsync(this PolicyAssistantDbContext db, FormattableString sql, CancellationToken cancellationToken) =>
        RunAsync(db, [sql], command => command.ExecuteNonQuery(), command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    /// <summary>Runs several writes in order, as one: all of them or, when one fails, none.</summary>
    public static Task ExecuteGroupedAsync(this PolicyAssistantDbContext db, IReadOnlyList<FormattableString> statements, CancellationToken cancellationToken) =>
        RunAsync(db, statements, command => command.ExecuteNonQuery(), command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    /// <summary>Runs a write that returns rows (<c>RETURNING</c>), each read by <paramref name="read"/>.</summary>
    public static Task<List<T>> QueryGroupedAsync<T>(this PolicyAssistantDbContext db, FormattableString sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return RunAsync(db, [sql], command => ReadAll(command, read), command => ReadAllAsync(command, read, cancellationToken), cancellationToken);
    }

    private static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The SQL with a named parameter in place of each interpolated value.</summary>
    internal static string Text(FormattableString sql) =>
        string.Format(CultureInfo.InvariantCulture, sql.Format, Enumerable.Range(0, sql.ArgumentCount).Select(ParameterName).ToArray<object?>());

    /// <summary>Gives <paramref name="command"/> the values of <paramref name="sql"/>, adding the parameters it does not have yet.</summary>
    internal static void Bind(DbCommand command, FormattableString sql)
    {
        for (var i = 0; i < sql.ArgumentCount; i++)
        {
            if (i == command.Parameters.Count)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = ParameterName(i);
                command.Parameters.Add(parameter);
            }

            command.Parameters[i].Value = sql.GetArgument(i) ?? DBNull.Value;
        }
    }

    private static async Task<T> RunAsync<T>(
        PolicyAssistantDbContext db, IReadOnlyList<FormattableString> statements, Func<Microsoft.Data.Sqlite.SqliteCommand, T> grouped, Func<DbCommand, Task<T>> direct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statements);
        cancellationToken.ThrowIfCancellationRequested();
        if (statements.Count == 0) return default!;
        if (db.Database.IsSqlite() && db.Database.CurrentTransaction is null)
        {
            return await SqliteGroupCommit.For(db.Database.GetConnectionString()!).WriteAsync(statements, grouped);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Several statements are one write: in a transaction of their own unless the context has one already.
            if (statements.Count == 1 || db.Database.CurrentTransaction is not null) return await RunDirectAsync(db, statements, direct);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await RunDirectAsync(db, statements, direct);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<T> RunDirectAsync<T>(PolicyAssistantDbContext db, IReadOnlyList<FormattableString> statements, Func<DbCommand, Task<T>> direct)
    {
        var result = default(T)!;
        foreach (var sql in statements)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Text(sql);
            Bind(command, sql);
            result = await direct(command);
        }

        return result;
    }

    private static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}
