using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.Households;

/// <summary>
/// <c>--roster-import [rows]</c>: writes a roster workbook of about that many rows (50,000 by default) over all seven
/// sheets, imports it into a fresh SQLite file (and a fresh PostgreSQL database when
/// <see cref="TestEnvironment.PostgresVariable"/> is set) as an upload would, and prints rows/s, the elapsed time and
/// the process's peak working set. The target is 50,000 rows in under a minute.
/// </summary>
public static class RosterImportRunner
{
    public const string Switch = "--roster-import";

    public static async Task RunAsync(string[] args)
    {
        var rows = args.SkipWhile(a => a != Switch).Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        rows = rows > 0 ? rows : 50_000;

        // Per household: 户, two 成员, 签约, 慢病认定, 随访, 住院结算; plus the two teams.
        var households = (rows - 2 + 6) / 7;
        var folder = Directory.CreateTempSubdirectory("roster-benchmark-");
        try
        {
            var write = Stopwatch.StartNew();
            var path = RosterWorkbooks.Save(RosterWorkbooks.Roster(households), folder.FullName);
            Console.WriteLine($"Workbook: {households * 7 + 2:N0} rows, {new FileInfo(path).Length / 1024:N0} KiB, written in {write.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores");

            await ImportAsync(DatabaseProvider.Sqlite, path, folder.FullName);
            if (TestEnvironment.PostgresConnectionString is not null)
            {
                await ImportAsync(DatabaseProvider.PostgreSql, path, folder.FullName);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ImportAsync(DatabaseProvider provider, string workbook, string folder)
    {
        using var database = TestDatabase.Create(provider);
        var factory = database.CreateFactory();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await RosterWorkbooks.AddRegionsAsync(db);
        }

        var options = Options.Create(new RostersOptions { ImportFolder = Path.Combine(folder, provider.ToString()) });
        var protector = PersonalDataProtector.FromBase64(database.PersonalDataKey);
        var start = new StartRosterImportCommand(factory, new RecordHouseholdAuditCommand(factory, TimeProvider.System), new RosterImportQueue(), options, TimeProvider.System);
        var run = new RunRosterImportCommand(factory, protector, options, TimeProvider.System, NullLogger<RunRosterImportCommand>.Instance);

        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var elapsed = Stopwatch.StartNew();
        int jobId;
        await using (var upload = File.OpenRead(workbook))
        {
            jobId = (await start.StartAsync(new StaffScope(1, []), "roster.xlsx", upload, CancellationToken.None)).JobId!.Value;
        }

        await run.RunAsync(jobId, CancellationToken.None);
        elapsed.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;

        await using var check = await factory.CreateDbContextAsync();
        var job = await check.Set<RosterImportJob>().SingleAsync(job => job.Id == jobId);
        var members = await check.Set<Member>().CountAsync();
        Console.WriteLine(
            $"{provider}: {job.Status}, {job.ProcessedRows:N0} rows ({job.ImportedRows:N0} imported, {job.BadRows:N0} bad, {members:N0} members) " +
            $"in {elapsed.Elapsed.TotalSeconds:0.0} s = {job.ProcessedRows / elapsed.Elapsed.TotalSeconds:N0} rows/s " +
            $"(CPU {cpu.TotalSeconds:0.0} s, all threads: on a shared machine the wall clock also counts other processes); " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
    }
}
