using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Households;

public sealed class IndexModel(GetHouseholdsQuery households, GetRegionChoicesQuery regions, ExportHouseholdsQuery export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? County { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Village { get; set; }

    /// <summary>“yes” (the default: registered poor households only), “no”, or “all”.</summary>
    [BindProperty(SupportsGet = true)]
    public string Poor { get; set; } = "yes";

    /// <summary>“yes”, “no”, or empty for either.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Chronic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Signed { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public HouseholdPage Result { get; private set; } = new([], 0, 1);

    public IReadOnlyList<RegionChoice> Regions { get; private set; } = [];

    /// <summary>The filter as query-string values, for the pager and the export link.</summary>
    public Dictionary<string, string> FilterRoute => new()
    {
        ["county"] = County?.ToString() ?? "",
        ["township"] = Township?.ToString() ?? "",
        ["village"] = Village?.ToString() ?? "",
        ["poor"] = Poor,
        ["chronic"] = Chronic ?? "",
        ["signed"] = Signed ?? "",
        ["q"] = Q ?? "",
    };

    public IEnumerable<RegionChoice> Choices(RegionLevel level, int? parentId) =>
        Regions.Where(region => region.Level == level && (parentId is null || region.ParentId == parentId));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var staff = User.ToStaffScope();
        Regions = await regions.ListAsync(staff, cancellationToken);
        Result = await households.ListAsync(staff, Filter(), PageNumber, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        // MiniExcel builds the workbook in a temporary file (deleted when the response has sent it), reading the
        // rows from the database as it writes them: a county's list is never held in memory.
        var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await export.WriteAsync(User.ToStaffScope(), Filter(), buffer, cancellationToken);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportHouseholdsQuery.FileName);
    }

    private HouseholdFilter Filter() => new(
        Village ?? Township ?? County,
        YesNo(Poor),
        YesNo(Chronic),
        YesNo(Signed),
        Q);

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
