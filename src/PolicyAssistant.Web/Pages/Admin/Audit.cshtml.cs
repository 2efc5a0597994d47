using PolicyAssistant.Application.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin;

public sealed class AuditModel(GetAuditTrailQuery trail, ListStaffQuery staff, ExportAuditTrailCommand export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StaffId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? HouseholdId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public IReadOnlyList<StaffRow> People { get; private set; } = [];

    /// <summary>The same filter on another page.</summary>
    public Dictionary<string, string> PageRoute(int page)
    {
        var route = new Dictionary<string, string> { ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (StaffId is { } staffId) route["staffId"] = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (HouseholdId is { } householdId) route["householdId"] = householdId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (From is { } from) route["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (To is { } to) route["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }

    private AuditFilter Filter => new(StaffId, HouseholdId, From, To);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "筛选条件有误：户编号须为数字，日期须为有效日期。");
            (StaffId, HouseholdId, From, To) = (null, null, null, null);
        }

        People = await staff.ListAsync(cancellationToken);
        Rows = await trail.PageAsync(Filter, PageNumber, cancellationToken);
        return Page();
    }

    /// <summary>A POST, as every export of data: the download is itself written to the audit trail.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        // Written to a temporary file first: the workbook is a zip, finished only when complete, and streamed from there.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.ExportAsync(User.StaffId(), Filter, file, cancellationToken);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"审计记录-{DateTime.UtcNow.AddHours(8):yyyyMMdd}.xlsx");
    }
}
