using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin;

public sealed class IndexModel(PolicyAssistantDbContext db) : PageModel
{
    public int EntryCount { get; private set; }

    public int OpenUnansweredCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        EntryCount = await db.Set<KnowledgeEntry>().CountAsync(cancellationToken);
        OpenUnansweredCount = await db.Set<UnansweredQuestion>().CountAsync(q => q.Status == UnansweredStatus.Open, cancellationToken);
    }
}
