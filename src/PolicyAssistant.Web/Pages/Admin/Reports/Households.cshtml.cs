using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Reports;

namespace PolicyAssistant.Web.Pages.Admin.Reports;

public sealed class HouseholdsModel(GetReportQuery reports, FindRegionQuery regions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPageFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public FigureKind Figure { get; set; }

    /// <summary>False lists every household the figure counts, not only those short of it.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ShortOnly { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string FigureName => FigureDefinitions.Describe(Figure).Name;

    public IReadOnlyList<FigureHouseholdRow> Rows { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (filter, problem) = await Filter.ResolveAsync(User, regions, clock, cancellationToken);
        Problem = problem;
        if (filter is not null)
        {
            Rows = await reports.HouseholdsAsync(Figure, filter, ShortOnly, PageNumber, cancellationToken);
        }
    }
}
