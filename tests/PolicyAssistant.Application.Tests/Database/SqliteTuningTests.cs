using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Database;

public sealed class SqliteTuningTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateSqlite();

    [Theory]
    [InlineData("journal_mode", "wal")]
    [InlineData("synchronous", "1")]
    [InlineData("busy_timeout", "10000")]
    public async Task Open_FirstConnection_IsTuned(string pragma, string expected)
    {
        await using var db = _database.CreateContext();

        Assert.Equal(expected, await ReadPragmaAsync(db, pragma));
    }

    [Theory]
    [InlineData("synchronous", "1")]
    [InlineData("busy_timeout", "10000")]
    public async Task Open_PooledConnectionAgain_StaysTuned(string pragma, string expected)
    {
        await using (var first = _database.CreateContext())
        {
            await ReadPragmaAsync(first, pragma);
        }

        // The second context gets the native connection the first gave back to the pool, where the
        // settings are not applied again.
        await using var second = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(_database.Provider, _database.ConnectionString));

        Assert.Equal(expected, await ReadPragmaAsync(second, pragma));
    }

    [Fact]
    public async Task Open_Connection_HasNoEfHelperFunctions()
    {
        await using var db = _database.CreateContext();

        var error = await Assert.ThrowsAsync<SqliteException>(() => ReadAsync(db, "SELECT ef_add(1, 2)"));

        Assert.Contains("no such function: ef_add", error.Message);
    }

    public void Dispose() => _database.Dispose();

    private static Task<string> ReadPragmaAsync(PolicyAssistantDbContext db, string pragma) => ReadAsync(db, $"PRAGMA {pragma}");

    private static async Task<string> ReadAsync(PolicyAssistantDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
