using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class IndexModel(PolicyAssistantDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<KnowledgeEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await db.Set<KnowledgeEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var q = Q?.Trim();
        Entries = string.IsNullOrEmpty(q)
            ? entries
            : entries.Where(e => e.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                                 || e.Title.Contains(q, StringComparison.Ordinal)
                                 || e.Questions.Any(x => x.Contains(q, StringComparison.Ordinal))).ToList();
    }
}
