using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Inbound;

namespace PolicyAssistant.Benchmarks.WeChat;

/// <summary>
/// The least database work a WeChat message needs: taking its row in a SQLite file, which every instance shares
/// to tell a retry from a new message. A floor under the cost of a message, whatever the bot does with it.
/// </summary>
[MemoryDiagnoser]
public class WeChatClaimBenchmarks
{
    private DirectoryInfo folder = null!;
    private PooledDbContextFactory<PolicyAssistantDbContext> contexts = null!;
    private long next;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("policyassistant-bench-");
        var options = DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, "bench.db")}");
        using (var db = new PolicyAssistantDbContext(options))
        {
            db.Database.EnsureCreated();
        }

        contexts = new PooledDbContextFactory<PolicyAssistantDbContext>(options);
    }

    [Benchmark]
    public async Task<WeChatInboundClaim> Claim()
    {
        await using var db = contexts.CreateDbContext();
        return await db.ClaimWeChatInboundAsync($"wxbench:{++next}", "user-key", DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
