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

    private long FileLength() => new FileInfo(new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource).Length;
}
