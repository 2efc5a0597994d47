using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class UnansweredModel(PolicyAssistantDbContext db, GetUnansweredGroupsQuery groups, ResolveUnansweredQuestionCommand resolve) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Message { get; set; }

    public UnansweredGroupPage Groups { get; private set; } = new([], 1, 1, 0);

    /// <summary>Every entry once per page, for the inputs' shared datalist (not a dropdown per row).</summary>
    public IReadOnlyList<(string Id, string Title)> EntryChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.GetAsync(PageNumber, cancellationToken);
        EntryChoices = (await db.Set<KnowledgeEntry>().AsNoTracking().OrderBy(e => e.Title)
            .Select(e => new { e.Id, e.Title }).ToListAsync(cancellationToken))
            .Select(e => (e.Id, e.Title)).ToList();
    }

    /// <summary>Adds the group's wordings to an entry as question variants; the entry is given by id (the datalist fills it in).</summary>
    public async Task<IActionResult> OnPostAssignAsync(string groupKey, string? entryId, CancellationToken cancellationToken)
    {
        var id = entryId?.Trim() ?? "";
        Message = id.Length == 0
            ? "请先选一个条目。"
            : await resolve.AddToEntryAsync(groupKey, id, StaffId, cancellationToken) is KnowledgeEditResult.Saved
                ? $"已把这组问法加到条目 {id}。"
                : $"没有找到条目 {id}，或这组问题已经处理过。";
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostDismissAsync(string groupKey, CancellationToken cancellationToken)
    {
        Message = await resolve.DismissAsync(groupKey, cancellationToken) is KnowledgeEditResult.Saved ? "已标记为处理过。" : "这组问题已经处理过。";
        return RedirectToPage(new { p = PageNumber });
    }

    public static string Channel(string channelId) => channelId switch
    {
        "wechat" => "微信",
        "sms" => "短信",
        "web" => "网页",
        _ => channelId,
    };

    public static string Day(DateTimeOffset at) => IndexModel.Day(at);

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
}
