using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class IndexModel(PolicyAssistantDbContext db, RegionNamesQuery regionNames) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<KnowledgeEntry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>An entry's regions by name: “全部地区”, or its counties.</summary>
    public string RegionsOf(KnowledgeEntry entry) => entry.Regions.Count == 0 || entry.Regions.Contains(KnowledgeEntry.AllRegions, StringComparer.OrdinalIgnoreCase)
        ? "全部地区"
        : string.Join("、", entry.Regions.Select(code => RegionNames.GetValueOrDefault(code, code)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await db.Set<KnowledgeEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var q = Q?.Trim();
        Entries = string.IsNullOrEmpty(q)
            ? entries
            : entries.Where(e => e.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                                 || e.Title.Contains(q, StringComparison.Ordinal)
                                 || e.Questions.Any(x => x.Contains(q, StringComparison.Ordinal))).ToList();
        RegionNames = await regionNames.GetAsync(Entries.SelectMany(e => e.Regions).Distinct().ToList(), cancellationToken);
    }
}
