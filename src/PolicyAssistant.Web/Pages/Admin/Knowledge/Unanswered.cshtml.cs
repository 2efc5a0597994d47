using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class UnansweredModel(PolicyAssistantDbContext db, ResolveUnansweredQuestionCommand resolve) : PageModel
{
    private const int PageSize = 200;

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<UnansweredQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<(string Id, string Title)> EntryChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Questions = await db.Set<UnansweredQuestion>().AsNoTracking()
            .Where(q => q.Status == UnansweredStatus.Open)
            .OrderByDescending(q => q.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        EntryChoices = (await db.Set<KnowledgeEntry>().AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Title }).ToListAsync(cancellationToken))
            .Select(e => (e.Id, e.Title)).ToList();
    }

    public async Task<IActionResult> OnPostAssignAsync(long questionId, string entryId, CancellationToken cancellationToken)
    {
        Message = await resolve.AssignAsync(questionId, entryId, cancellationToken) is KnowledgeEditResult.Saved
            ? $"已把这个问法加到条目 {entryId}。"
            : "没有找到这个问题或条目。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDismissAsync(long questionId, CancellationToken cancellationToken)
    {
        Message = await resolve.DismissAsync(questionId, cancellationToken) is KnowledgeEditResult.Saved ? "已忽略。" : "没有找到这个问题。";
        return RedirectToPage();
    }
}
