using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class EditModel(PolicyAssistantDbContext db, EditKnowledgeBaseCommand edit, ResolveUnansweredQuestionCommand unanswered) : PageModel
{
    private static readonly string[] DayFormats = ["yyyy年M月d日", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The entry's id; null while it is being created (the id is generated on the first save).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The unanswered group a new entry is written from: its wordings prefill the questions, and saving closes it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? FromGroup { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool IsNew => Id is null;

    public bool IsDraft { get; private set; } = true;

    public KnowledgeRegions Regions { get; private set; } = new([]);

    public string PreviewHtml => KnowledgeMarkdown.ToHtml(Input.Body);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写标题")]
        [Display(Name = "标题")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写简短回答")]
        [Display(Name = "简短回答（先发给群众的一段，150 字以内）")]
        public string Summary { get; set; } = "";

        [Display(Name = "全文（Markdown）")]
        public string? Body { get; set; }

        [Display(Name = "问法（一行一个）")]
        public string? Questions { get; set; }

        [Display(Name = "标签（用逗号分开）")]
        public string? Tags { get; set; }

        [Display(Name = "适用地区")]
        public List<string> Regions { get; set; } = [KnowledgeEntry.AllRegions];

        [Display(Name = "生效日期（如 2018年7月20日）")]
        public string? EffectiveFrom { get; set; }

        [Display(Name = "失效日期（空着表示一直有效）")]
        public string? EffectiveTo { get; set; }

        [Display(Name = "政策依据")]
        public string? Source { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await KnowledgeRegions.LoadAsync(db, cancellationToken);
        if (Id is null)
        {
            if (FromGroup is not null)
            {
                Input.Questions = string.Join('\n', await unanswered.WordingsAsync(FromGroup, cancellationToken));
            }

            return Page();
        }

        var entry = await db.Set<KnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        IsDraft = entry.Draft;
        Input = new InputModel
        {
            Title = entry.Title,
            Summary = entry.Summary,
            Body = entry.Body,
            Questions = string.Join('\n', entry.Questions),
            Tags = string.Join("，", entry.Tags),
            Regions = entry.Regions,
            EffectiveFrom = entry.EffectiveFrom is { } from ? KnowledgeEntrySnapshot.Day(from) : null,
            EffectiveTo = entry.EffectiveTo is { } to ? KnowledgeEntrySnapshot.Day(to) : null,
            Source = entry.Source,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var from = Day(Input.EffectiveFrom, "Input.EffectiveFrom", "生效日期");
        var to = Day(Input.EffectiveTo, "Input.EffectiveTo", "失效日期");
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        var entry = new KnowledgeEntry
        {
            Id = Id ?? "",
            Title = Input.Title.Trim(),
            Summary = Input.Summary.Trim(),
            Body = Input.Body?.Trim() ?? "",
            Questions = Lines(Input.Questions),
            Tags = Items(Input.Tags),
            Regions = Input.Regions.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToList() is { Count: > 0 } regions && !regions.Contains(KnowledgeEntry.AllRegions)
                ? regions
                : [KnowledgeEntry.AllRegions],
            EffectiveFrom = from,
            EffectiveTo = to,
            Source = Input.Source?.Trim() ?? "",
        };
        var result = IsNew
            ? await edit.CreateEntryAsync(entry, StaffId, cancellationToken)
            : await edit.SaveEntryAsync(entry, StaffId, cancellationToken);
        switch (result)
        {
            case KnowledgeEditResult.Saved saved:
                if (IsNew && FromGroup is not null)
                {
                    await unanswered.MarkResolvedAsync(FromGroup, saved.Id, cancellationToken);
                }

                Message = IsNew ? "已保存为草稿。发布后机器人才会用它回答。" : "已保存。";
                return RedirectToPage(new { id = saved.Id, fromGroup = (string?)null });
            case KnowledgeEditResult.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    ModelState.AddModelError(string.Empty, error);
                }

                return await ShowAgainAsync(cancellationToken);
            default:
                return NotFound();
        }
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ChangeAsync(edit.PublishAsync(Id ?? "", StaffId, cancellationToken), "已发布，机器人马上按它回答。");

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken) =>
        ChangeAsync(edit.UnpublishAsync(Id ?? "", StaffId, cancellationToken), "已撤回为草稿，机器人不再用它回答。");

    /// <summary>The body's preview for the editor, rendered while they type.</summary>
    public IActionResult OnPostPreview() => Content(PreviewHtml, "text/html; charset=utf-8");

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await edit.DeleteEntryAsync(Id ?? "", cancellationToken) is KnowledgeEditResult.NotFound)
        {
            return NotFound();
        }

        Message = "已删除条目。";
        return RedirectToPage("./Index");
    }

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    private async Task<IActionResult> ChangeAsync(Task<KnowledgeEditResult> change, string message)
    {
        if (await change is KnowledgeEditResult.NotFound)
        {
            return NotFound();
        }

        Message = message;
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        Regions = await KnowledgeRegions.LoadAsync(db, cancellationToken);
        IsDraft = Id is null || await db.Set<KnowledgeEntry>().Where(e => e.Id == Id).Select(e => e.Draft).SingleOrDefaultAsync(cancellationToken);
        return Page();
    }

    private DateOnly? Day(string? text, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(key, $"{label}请写成 2018年7月20日 这样的日期。");
        return null;
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static List<string> Items(string? text) =>
        (text ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
