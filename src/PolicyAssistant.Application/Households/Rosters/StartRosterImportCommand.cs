using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Households.Rosters;

public sealed class RostersOptions
{
    /// <summary>Where uploaded workbooks wait for their import; relative paths are taken from the data folder.</summary>
    public string ImportFolder { get; set; } = "roster-imports";

    /// <summary>Rows saved together, with the job's checkpoint.</summary>
    public int BatchSize { get; set; } = 1000;
}

/// <summary>The jobs waiting for the worker, by id.</summary>
public sealed class RosterImportQueue
{
    private readonly Channel<int> _jobs = Channel.CreateUnbounded<int>();

    public void Enqueue(int jobId) => _jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>The outcome of an upload: the job to follow, or why the file was not taken.</summary>
public sealed record RosterImportStart(int? JobId, string? Error);

/// <summary>Keeps an uploaded workbook, records the import job (audited) and hands it to the worker.</summary>
public sealed class StartRosterImportCommand(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    RecordHouseholdAuditCommand audit,
    RosterImportQueue queue,
    IOptions<RostersOptions> options,
    TimeProvider clock)
{
    public async Task<RosterImportStart> StartAsync(StaffScope staff, string fileName, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.ImportFolder);
        var path = Path.Combine(options.Value.ImportFolder, $"{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        if (!IsWorkbook(path))
        {
            File.Delete(path);
            return new RosterImportStart(null, "不是有效的 Excel 工作簿（.xlsx），请使用导入模板。");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = new RosterImportJob
        {
            StaffUserId = staff.StaffUserId,
            RegionCodes = string.Join(',', staff.RegionCodes),
            FileName = Path.GetFileName(fileName),
            StoredPath = path,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ImportRoster, null, null, cancellationToken, $"job:{job.Id}");
        queue.Enqueue(job.Id);
        return new RosterImportStart(job.Id, null);
    }

    private static bool IsWorkbook(string path)
    {
        try
        {
            return MiniExcel.GetSheetNames(path).Count > 0;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return false;
        }
    }
}

/// <summary>
/// Runs queued imports one at a time. At start it takes up every job not finished, so an import stopped by a restart
/// completes (from its checkpoint) without anyone uploading again.
/// </summary>
internal sealed class RosterImportWorker(IServiceProvider services, RosterImportQueue queue, ILogger<RosterImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            var unfinished = await db.Set<RosterImportJob>()
                .Where(job => job.Status == RosterImportStatus.Queued || job.Status == RosterImportStatus.Running)
                .OrderBy(job => job.Id).Select(job => job.Id).ToListAsync(stoppingToken);
            unfinished.ForEach(queue.Enqueue);
        }

        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<RunRosterImportCommand>().RunAsync(jobId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Roster import {JobId} stopped with the host; it resumes at the next start.", jobId);
            }
        }
    }
}
