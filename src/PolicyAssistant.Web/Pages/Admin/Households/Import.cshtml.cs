using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Households;

public sealed class ImportModel(StartRosterImportCommand start, GetRosterImportQuery imports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public IFormFile? Workbook { get; set; }

    public string? Error { get; private set; }

    public RosterImportProgress? Progress { get; private set; }

    public IReadOnlyList<RosterImportProblemRow> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var staff = User.ToStaffScope();
            Progress = await imports.ProgressAsync(staff, id, cancellationToken);
            if (Progress is null)
            {
                return NotFound();
            }

            if (Progress.IsFinished)
            {
                Problems = await imports.ProblemsAsync(staff, id, cancellationToken);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Workbook is not { Length: > 0 })
        {
            Error = "请选择要导入的 Excel 文件。";
            return Page();
        }

        await using var content = Workbook.OpenReadStream();
        var result = await start.StartAsync(User.ToStaffScope(), Workbook.FileName, content, cancellationToken);
        if (result.JobId is not { } jobId)
        {
            Error = result.Error;
            return Page();
        }

        return RedirectToPage(new { id = jobId });
    }

    public IActionResult OnGetTemplate()
    {
        var stream = new MemoryStream();
        RosterTemplate.WriteTo(stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RosterTemplate.FileName);
    }

    /// <summary>The progress bar's poll: a few numbers, no personal data.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken cancellationToken) =>
        await imports.ProgressAsync(User.ToStaffScope(), id, cancellationToken) is { } progress
            ? new JsonResult(new
            {
                status = progress.StatusText,
                progress.Percent,
                progress.ProcessedRows,
                progress.TotalRows,
                progress.ImportedRows,
                progress.BadRows,
                finished = progress.IsFinished,
            })
            : NotFound();
}
