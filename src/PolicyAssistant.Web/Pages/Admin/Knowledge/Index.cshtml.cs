using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class IndexModel(PolicyAssistantDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>hits: most answered first; unused: never or least answered first (dead entries); recent: last answered first; else by id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public KnowledgeRegions Regions { get; private set; } = new([]);

    public sealed record Row(KnowledgeEntry Entry, long Hits, DateTimeOffset? LastHitAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await KnowledgeRegions.LoadAsync(db, cancellationToken);
        var entries = await db.Set<KnowledgeEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var hits = await db.Set<KnowledgeEntryHits>().AsNoTracking().ToDictionaryAsync(h => h.EntryId, cancellationToken);
        var q = Q?.Trim();
        var rows = entries
            .Where(e => string.IsNullOrEmpty(q)
                        || e.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                        || e.Title.Contains(q, StringComparison.Ordinal)
                        || e.Questions.Any(x => x.Contains(q, StringComparison.Ordinal)))
            .Select(e => hits.TryGetValue(e.Id, out var h) ? new Row(e, h.Count, h.LastHitAt) : new Row(e, 0, null));
        Entries = (Sort switch
        {
            "hits" => rows.OrderByDescending(r => r.Hits).ThenBy(r => r.Entry.Id),
            "unused" => rows.OrderBy(r => r.Hits).ThenBy(r => r.LastHitAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Entry.Id),
            "recent" => rows.OrderByDescending(r => r.LastHitAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Entry.Id),
            _ => rows.OrderBy(r => r.Entry.Id, StringComparer.Ordinal),
        }).ToList();
    }

    public static string Day(DateTimeOffset at) => KnowledgeEntrySnapshot.Day(DateOnly.FromDateTime(at.ToLocalTime().DateTime));
}
