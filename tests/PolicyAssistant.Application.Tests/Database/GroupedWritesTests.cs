using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Database;

/// <summary>The hot path's writes: many at once share a SQLite transaction, yet each lands or fails on its own.</summary>
public sealed class GroupedWritesTests
{
    private const int Writes = 40;

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ExecuteGrouped_ManyAtOnceOneBreakingAUniqueKey_TheOthersLandAndOnlyThatOneFails(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var factory = database.CreateFactory();
        await InsertAsync(factory, "taken");

        // Forty at once group on SQLite; on PostgreSQL each holds a connection, and a hundred ran the server (100
        // connections) out of them while other tests ran.
        var writes = Enumerable.Range(0, Writes).Select(i => InsertAsync(factory, $"key-{i}")).Append(InsertAsync(factory, "taken")).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                return await write;
            }
            catch (Exception exception) when (exception.IsUniqueViolation())
            {
                return -1;
            }
        }));

        Assert.Equal([.. Enumerable.Repeat(1, Writes), -1], outcomes);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(Writes + 1, await db.Set<BotStateRecord>().CountAsync());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ExecuteGrouped_SeveralStatementsTheLastBreakingAUniqueKey_NoneOfThemLands(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var factory = database.CreateFactory();
        await InsertAsync(factory, "taken");
        await using var db = await factory.CreateDbContextAsync();

        var error = await Record.ExceptionAsync(() => db.ExecuteGroupedAsync([InsertSql("first"), InsertSql("second"), InsertSql("taken")], CancellationToken.None));

        Assert.True(error?.IsUniqueViolation(), $"expected a unique violation, got {error}");
        Assert.Equal(["taken"], await db.Set<BotStateRecord>().Select(r => r.Key).ToListAsync());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task QueryGrouped_InsertReturning_ReadsTheReturnedRow(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = await database.CreateFactory().CreateDbContextAsync();

        var keys = await db.QueryGroupedAsync(
            $"INSERT INTO \"BotStates\" (\"Key\", \"Json\", \"ETag\", \"UpdatedAt\") VALUES ({"returned"}, '{{}}', 'e0', {DateTime.UtcNow}) RETURNING \"Key\", \"ETag\"",
            row => (row.GetString(0), row.GetString(1)), CancellationToken.None);

        Assert.Equal([("returned", "e0")], keys);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ExecuteGrouped_InsideTheContextsTransaction_RollsBackWithIt(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var factory = database.CreateFactory();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await db.ExecuteGroupedAsync(InsertSql("rolled-back"), CancellationToken.None));
            await transaction.RollbackAsync();
        }

        await using var reading = await factory.CreateDbContextAsync();
        Assert.False(await reading.Set<BotStateRecord>().AnyAsync());
    }

    [Fact]
    public async Task ExecuteGrouped_FileCannotBeOpened_FailsInsteadOfWaiting()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), "policyassistant-missing-" + Guid.NewGuid().ToString("N"), "test.db");
        await using var db = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={missingFolder}"));

        var write = db.ExecuteGroupedAsync(InsertSql("nowhere"), CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => write.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<int> InsertAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<PolicyAssistantDbContext> factory, string key)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ExecuteGroupedAsync(InsertSql(key), CancellationToken.None);
    }

    private static FormattableString InsertSql(string key) =>
        $"INSERT INTO \"BotStates\" (\"Key\", \"Json\", \"ETag\", \"UpdatedAt\") VALUES ({key}, '{{}}', 'e0', {DateTime.UtcNow})";
}
