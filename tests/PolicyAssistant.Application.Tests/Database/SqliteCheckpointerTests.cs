using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Database;

public sealed class SqliteCheckpointerTests : IDisposable
{
    // About 2,000 pages of log: past SQLite's own checkpoint (1,000), short of the fallback.
    private const int WriteBytes = 8_000_000;

    private readonly TestDatabase _database = TestDatabase.CreateSqlite();

    [Fact]
    public async Task Commit_PastSqlitesOwnLimit_LeavesTheLogUncopied()
    {
        await using var db = _database.CreateContext();

        var before = await WriteAsync(db);

        Assert.True(FileLength() - before < WriteBytes, "the commit copied the log into the file itself");
    }

    [Fact]
    public async Task Checkpointer_AfterACommit_CopiesTheLogIntoTheFileWithinSeconds()
    {
        await using var db = _database.CreateContext();

        var before = await WriteAsync(db);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (FileLength() - before < WriteBytes && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(FileLength() - before >= WriteBytes, "the log was not copied into the file");
    }

    [Fact]
    public async Task Checkpointer_UnderSteadyWrites_StartsTheLogAgainLongBeforeTheFallback()
    {
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE filler (bytes BLOB)");
        // The pages past which commits checkpoint the log themselves: the checkpointer's fallback, as the product sets it.
        await using var pragma = db.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint";
        var fallbackPages = Convert.ToInt32(await pragma.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // One page a commit, twice the fallback's pages: a log that is never started again reaches the fallback.
        for (var commit = 0; commit < 2 * fallbackPages; commit++)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO filler VALUES (randomblob(100))");
        }

        Assert.True(LogLength() < fallbackPages / 2 * 4096L, $"the log grew to {LogLength():N0} bytes");
    }

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// Writes <see cref="WriteBytes"/> in one commit on <paramref name="db"/>'s connection, held open (closing a file's last
    /// connection copies its log too); the file's length before it.
    /// </summary>
    private async Task<long> WriteAsync(PolicyAssistantDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE filler (bytes BLOB)");
        var before = FileLength();
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO filler VALUES (zeroblob({WriteBytes}))");
        return before;
    }

    private long FileLength() => new FileInfo(DataSource).Length;

    /// <summary>The write-ahead log's file, as long as the most pages it has held since it was created.</summary>
    private long LogLength() => new FileInfo(DataSource + "-wal").Length;

    private string DataSource => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
}
