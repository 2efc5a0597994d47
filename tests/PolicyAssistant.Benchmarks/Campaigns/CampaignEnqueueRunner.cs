using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.Campaigns;

/// <summary>
/// Puts a message's audience of <c>count</c> recipients (default 1,000,000) into the outbox with the product's
/// set-based INSERT … SELECT, on SQLite and, when POLICYASSISTANT_TEST_POSTGRES is set, on PostgreSQL; prints
/// the elapsed time, rows a second and the process's peak working set. Members are generated in SQL: a third
/// bound on WeChat and following, half with a phone, so two in three are reachable.
/// <c>dotnet run -c Release --project tests/PolicyAssistant.Benchmarks -- --campaign-enqueue [count]</c>
/// </summary>
public static class CampaignEnqueueRunner
{
    public const string Switch = "--campaign-enqueue";

    public static async Task RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        var count = at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        await RunAsync(DatabaseProvider.Sqlite, count);
        if (TestEnvironment.PostgresConnectionString is not null)
        {
            await RunAsync(DatabaseProvider.PostgreSql, count);
        }
    }

    private static async Task RunAsync(DatabaseProvider provider, int recipients)
    {
        using var database = TestDatabase.Create(provider);
        var contexts = database.CreateFactory();
        var members = recipients / 2 * 3;
        var messageId = await SeedAsync(contexts, provider, members);

        var before = Process.GetCurrentProcess();
        var workingSetBefore = before.WorkingSet64;
        var watch = Stopwatch.StartNew();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var command = new EnqueueAudienceCommand(db, Options.Create(new CampaignOptions()), TimeProvider.System);
            var queued = await command.EnqueueAsync(messageId, CancellationToken.None);
            watch.Stop();
            var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider,-10} enqueued {queued:N0} recipients of {members:N0} members in {watch.Elapsed.TotalSeconds:F1} s = {queued / watch.Elapsed.TotalSeconds:N0} rows/s; working set {workingSetBefore / 1048576} MB before, peak {process.PeakWorkingSet64 / 1048576} MB"));
        }
    }

    /// <summary>Regions, then households, members, bindings and followers generated set-based, then an approved message to everyone.</summary>
    private static async Task<int> SeedAsync(IDbContextFactory<PolicyAssistantDbContext> contexts, DatabaseProvider provider, int members)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var county = new Region { Code = "450223", Name = "鹿寨县", Level = RegionLevel.County };
        db.Add(county);
        for (var t = 1; t <= 10; t++)
        {
            var township = new Region { Code = $"450223{t:D3}", Name = $"第{t}镇", Level = RegionLevel.Township, Parent = county };
            for (var v = 1; v <= 10; v++)
            {
                db.Add(new Region { Code = $"450223{t:D3}{v:D3}", Name = $"第{t}镇第{v}村", Level = RegionLevel.Village, Parent = township });
            }
        }

        var campaign = new Campaign { Name = "基准", Theme = "基准", StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 31), CreatedById = 1 };
        var message = new CampaignMessage { Campaign = campaign, Title = "基准", Body = "三月是健康扶贫政策宣传月。", Audience = new Audience(), Status = CampaignMessageStatus.Approved, CreatedById = 1, ApprovedById = 2 };
        db.Add(message);
        await db.SaveChangesAsync();
        var firstVillage = await db.Set<Region>().Where(r => r.Level == RegionLevel.Village).MinAsync(r => r.Id);

        var postgres = provider == DatabaseProvider.PostgreSql;
        var series = postgres ? "" : "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {0}) ";
        var from = postgres ? "FROM generate_series(1, {0}) AS s(i)" : "FROM s";
        var date = postgres ? "DATE '1980-01-01'" : "'1980-01-01'";
        var time = postgres ? "TIMESTAMPTZ '2026-01-01 00:00:00Z'" : "'2026-01-01 00:00:00'";
        string[] statements =
        [
            $"""{series}INSERT INTO "Households" ("VillageId", "Address", "IsRegisteredPoor") SELECT {firstVillage} + (i % 100), 'x' || i, (1 = 1) {from}""",
            $"""{series}INSERT INTO "Members" ("HouseholdId", "Name", "RelationToHead", "IdNumberHash", "IdNumberCiphertext", "IdNumberMasked", "BirthDate", "Sex", "PhoneCiphertext", "IsPolicyLiterateMember") SELECT (i + 1) / 2, '韦' || i, CASE WHEN i % 2 = 1 THEN 'Self' ELSE 'Spouse' END, 'h' || i, 'x', 'x', {date}, 'Female', CASE WHEN i % 2 = 0 THEN 'v1.x' END, (1 = 0) {from}""",
            $"""{series}INSERT INTO "IdentityBindings" ("ChannelId", "UserKeyHash", "MemberId", "BoundAt") SELECT 'wechat', 'u' || i, i, {time} {from} WHERE i % 3 = 0""",
            $"""{series}INSERT INTO "WeChatFollowers" ("UserKeyHash", "OpenIdCiphertext", "Subscribed", "LastMessageAt") SELECT 'u' || i, 'x', (1 = 1), {time} {from} WHERE i % 3 = 0""",
        ];
        var watch = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(statements[0], (members + 1) / 2);
        foreach (var statement in statements[1..])
        {
            await db.Database.ExecuteSqlRawAsync(statement, members);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider,-10} seeded {members:N0} members in {watch.Elapsed.TotalSeconds:F1} s"));
        return message.Id;
    }
}
