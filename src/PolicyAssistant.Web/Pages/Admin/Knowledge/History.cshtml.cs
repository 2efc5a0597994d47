using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class HistoryModel(PolicyAssistantDbContext db, GetKnowledgeHistoryQuery history, EditKnowledgeBaseCommand edit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The older version compared; default the one before <see cref="To"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>The newer version compared; default the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>inline: one column with removed and added lines; else two columns side by side.</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<KnowledgeVersionRow> Versions { get; private set; } = [];

    public KnowledgeVersionDiff? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var title = await db.Set<KnowledgeEntry>().Where(e => e.Id == Id).Select(e => e.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        Title = title;
        Versions = await history.VersionsAsync(Id, cancellationToken);
        if (Versions.Count > 0)
        {
            To ??= Versions[0].Number;
            From ??= Versions.Select(v => v.Number).Where(n => n < To).DefaultIfEmpty(To.Value).Max();
            Diff = await history.CompareAsync(Id, From.Value, To.Value, await KnowledgeRegions.LoadAsync(db, cancellationToken), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRollBackAsync(int number, CancellationToken cancellationToken)
    {
        var staffId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        if (await edit.RollBackAsync(Id, number, staffId, cancellationToken) is KnowledgeEditResult.NotFound)
        {
            return NotFound();
        }

        Message = $"已恢复到第 {number} 版（另存为新的一版）。";
        return RedirectToPage(new { id = Id, from = (int?)null, to = (int?)null });
    }

    public static string ChangeName(KnowledgeVersionRow version) => version.Change switch
    {
        KnowledgeChange.Imported => "导入的原文",
        KnowledgeChange.Created => "新建",
        KnowledgeChange.Edited => "修改",
        KnowledgeChange.Published => "发布",
        KnowledgeChange.Unpublished => "撤回为草稿",
        KnowledgeChange.RolledBack => $"恢复到第 {version.RestoredNumber} 版",
        _ => version.Change.ToString(),
    };

    public static string When(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
