using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Households.Rosters;

public sealed record RosterImportProgress(
    int JobId, string FileName, RosterImportStatus Status, int TotalRows, int ProcessedRows, int ImportedRows, int BadRows, string? Failure)
{
    public bool IsFinished => Status is RosterImportStatus.Completed or RosterImportStatus.Failed;

    public int Percent => IsFinished ? 100 : TotalRows == 0 ? 0 : Math.Min(99, ProcessedRows * 100 / TotalRows);

    public string StatusText => Status switch
    {
        RosterImportStatus.Queued => "排队中",
        RosterImportStatus.Running => "导入中",
        RosterImportStatus.Completed => "已完成",
        _ => "出错",
    };
}

public sealed record RosterImportProblemRow(string Sheet, int RowNumber, string Reason);

/// <summary>An import's progress and its bad rows, for the staff member who started it (or an administrator).</summary>
public sealed class GetRosterImportQuery(PolicyAssistantDbContext db)
{
    public const int MaxProblems = 1000;

    public async Task<RosterImportProgress?> ProgressAsync(StaffScope staff, int jobId, CancellationToken cancellationToken) =>
        await Visible(staff, jobId)
            .Select(job => new RosterImportProgress(job.Id, job.FileName, job.Status, job.TotalRows, job.ProcessedRows, job.ImportedRows, job.BadRows, job.Failure))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The bad rows in workbook order (sheets as the template orders them), at most <see cref="MaxProblems"/>.</summary>
    public async Task<IReadOnlyList<RosterImportProblemRow>> ProblemsAsync(StaffScope staff, int jobId, CancellationToken cancellationToken)
    {
        if (!await Visible(staff, jobId).AnyAsync(cancellationToken))
        {
            return [];
        }

        var problems = await db.Set<RosterImportProblem>().AsNoTracking()
            .Where(problem => problem.JobId == jobId)
            .OrderBy(problem => problem.Id)
            .Take(MaxProblems)
            .Select(problem => new RosterImportProblemRow(problem.Sheet, problem.RowNumber, problem.Reason))
            .ToListAsync(cancellationToken);
        var order = RosterSheets.All.Select(sheet => sheet.Name).ToList();
        return problems.OrderBy(problem => order.IndexOf(problem.Sheet)).ThenBy(problem => problem.RowNumber).ToList();
    }

    private IQueryable<RosterImportJob> Visible(StaffScope staff, int jobId) =>
        db.Set<RosterImportJob>().AsNoTracking().Where(job => job.Id == jobId && (staff.SeesEveryRegion || job.StaffUserId == staff.StaffUserId));
}
