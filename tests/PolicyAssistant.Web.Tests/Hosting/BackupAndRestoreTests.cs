using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>The backups deploy/README.md tells operators to take, taken from a running product and restored into a new one.</summary>
public sealed class BackupAndRestoreTests
{
    [Fact]
    public async Task SqliteOnlineBackup_RestoredUnderTheSameKey_HoldsEveryHouseholdReadable()
    {
        using var original = TestDatabase.CreateSqlite();
        using var restored = TestDatabase.CreateSqlite(personalDataKey: original.PersonalDataKey);
        using (var running = new ProductFactory(original))
        {
            running.CreateClient();
            var backup = Path.Combine(Path.GetTempPath(), $"policyassistant-backup-{Guid.NewGuid():N}.db");
            try
            {
                // As the README's cron line does, while the product runs.
                await RunAsync("sqlite3", [new SqliteConnectionStringBuilder(original.ConnectionString).DataSource, $".backup {backup}"]);
                File.Copy(backup, new SqliteConnectionStringBuilder(restored.ConnectionString).DataSource, overwrite: true);
            }
            finally
            {
                File.Delete(backup);
            }
        }

        await AssertSameHouseholdsAsync(original, restored);
    }

    [PostgresFact]
    public async Task PgDump_RestoredIntoAnEmptyDatabase_HoldsEveryHouseholdReadable()
    {
        using var original = TestDatabase.CreatePostgres();
        using var restored = TestDatabase.CreatePostgres(personalDataKey: original.PersonalDataKey);
        using (var running = new ProductFactory(original))
        {
            running.CreateClient();
            var dump = Path.Combine(Path.GetTempPath(), $"policyassistant-{Guid.NewGuid():N}.dump");
            try
            {
                await RunAsync("pg_dump", ["-Fc", "-d", Uri(original), "-f", dump]);
                await RunAsync("pg_restore", ["--no-owner", "-d", Uri(restored), dump]);
            }
            finally
            {
                File.Delete(dump);
            }
        }

        await AssertSameHouseholdsAsync(original, restored);
    }

    /// <summary>The restored product starts (migrations already applied), holds the same households, and reads their protected ID numbers.</summary>
    private static async Task AssertSameHouseholdsAsync(TestDatabase original, TestDatabase restored)
    {
        int expected;
        await using (var db = original.CreateContext())
        {
            expected = await db.Set<Household>().CountAsync();
        }

        using var product = new ProductFactory(restored, new Dictionary<string, string?> { ["Households:LoadDemoData"] = "false" });
        var ready = await product.CreateClient().GetAsync("/readyz");
        using var scope = product.Services.CreateScope();
        var db2 = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        var member = await db2.Set<Member>().FirstAsync();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();

        Assert.Equal((System.Net.HttpStatusCode.OK, expected, member.IdNumberMasked), (ready.StatusCode, await db2.Set<Household>().CountAsync(), member.RevealIdNumber(protector).Masked));
    }

    private static string Uri(TestDatabase database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"postgresql://{builder.Username}:{builder.Password}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static async Task RunAsync(string command, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} failed: {errors}");
    }
}
