using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin.Knowledge;

public sealed class EditModel(PolicyAssistantDbContext db, EditKnowledgeBaseCommand edit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public bool IsNew { get; set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写编号")]
        [Display(Name = "编号（英文小写，如 safety-net）")]
        public string Id { get; set; } = "";

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

        [Display(Name = "适用地区（all 或县区代码，用逗号分开）")]
        public string Regions { get; set; } = KnowledgeEntry.AllRegions;

        [DataType(DataType.Date)]
        [Display(Name = "生效日期")]
        public DateOnly? EffectiveFrom { get; set; }

        [DataType(DataType.Date)]
        [Display(Name = "失效日期（空着表示一直有效）")]
        public DateOnly? EffectiveTo { get; set; }

        [Display(Name = "政策依据")]
        public string? Source { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is null)
        {
            return Page();
        }

        var entry = await db.Set<KnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Id = entry.Id,
            Title = entry.Title,
            Summary = entry.Summary,
            Body = entry.Body,
            Questions = string.Join('\n', entry.Questions),
            Tags = string.Join("，", entry.Tags),
            Regions = string.Join("，", entry.Regions),
            EffectiveFrom = entry.EffectiveFrom,
            EffectiveTo = entry.EffectiveTo,
            Source = entry.Source,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = IsNew ? null : await db.Set<KnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == Input.Id, cancellationToken);
        var entry = new KnowledgeEntry
        {
            Id = Input.Id.Trim(),
            Kind = existing?.Kind ?? EntryKind.Policy,
            Track = existing?.Track,
            Title = Input.Title.Trim(),
            Summary = Input.Summary.Trim(),
            Body = Input.Body?.Trim() ?? "",
            Questions = Lines(Input.Questions),
            Tags = Items(Input.Tags),
            Regions = Items(Input.Regions) is { Count: > 0 } regions ? regions : [KnowledgeEntry.AllRegions],
            EffectiveFrom = Input.EffectiveFrom,
            EffectiveTo = Input.EffectiveTo,
            Source = Input.Source?.Trim() ?? "",
        };
        return KnowledgeEditOutcome.Show(
            this, await edit.SaveEntryAsync(entry, IsNew, cancellationToken), saved => $"已保存 {saved.Id}，机器人马上按新内容回答。", message => Message = message);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await edit.DeleteEntryAsync(id, cancellationToken) is KnowledgeEditResult.NotFound)
        {
            return NotFound();
        }

        Message = $"已删除 {id}。";
        return RedirectToPage("./Index");
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static List<string> Items(string? text) =>
        (text ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
