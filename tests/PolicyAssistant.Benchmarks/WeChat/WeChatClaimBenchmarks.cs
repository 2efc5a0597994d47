using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.WeChat;

/// <summary>
/// The least database work a WeChat message needs: taking its row in a SQLite file, which every instance shares
/// to tell a retry from a new message. A floor under the cost of a message, whatever the bot does with it.
/// </summary>
[MemoryDiagnoser]
public class WeChatClaimBenchmarks
{
    private TestDatabase _database = null!;
    private IDbContextFactory<PolicyAssistantDbContext> _contexts = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _database = TestDatabase.CreateSqlite();
        _contexts = _database.CreateFactory();
    }

    [Benchmark]
    public async Task<WeChatInboundClaim> Claim()
    {
        await using var db = _contexts.CreateDbContext();
        return await db.ClaimWeChatInboundAsync($"wxbench:{++_next}", "user-key", $"signed:{_next}", DateTimeOffset.UtcNow, "bench-owner", DateTimeOffset.UtcNow.AddSeconds(3), CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();
}
