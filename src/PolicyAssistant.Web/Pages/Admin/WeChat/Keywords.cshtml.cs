using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using PolicyAssistant.Application.Assistant.Keywords;
using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.WeChat;

/// <summary>Keyword auto-replies: tried in list order before the knowledge base, on every channel.</summary>
[Authorize(Policy = BackOfficePolicies.ContentEditor)]
public sealed class KeywordsModel(EditKeywordRulesCommand rules, KnowledgeIndex index) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The rule being edited; null while adding one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    public IReadOnlyList<KeywordRule> Rules { get; private set; } = [];

    public IReadOnlyList<(string Id, string Title)> EntryChoices { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "关键词")]
        public string Keyword { get; set; } = "";

        [Display(Name = "匹配方式")]
        public KeywordMatch Match { get; set; } = KeywordMatch.Exact;

        [Display(Name = "回复文字")]
        public string? ReplyText { get; set; }

        [Display(Name = "或回复知识库条目")]
        public string? EntryId { get; set; }

        [Display(Name = "启用")]
        public bool Enabled { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Id is { } id)
        {
            if (Rules.FirstOrDefault(rule => rule.Id == id) is not { } rule)
            {
                return NotFound();
            }

            Input = new InputModel { Keyword = rule.Keyword, Match = rule.Match, ReplyText = rule.ReplyText, EntryId = rule.EntryId, Enabled = rule.Enabled };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await rules.SaveAsync(Id, new KeywordRuleInput(Input.Keyword ?? "", Input.Match, Input.ReplyText, Input.EntryId, Input.Enabled), cancellationToken);
        switch (result)
        {
            case KeywordRuleResult.Saved:
                Message = $"已保存关键词“{Input.Keyword!.Trim()}”。";
                return RedirectToPage(new { id = (int?)null });
            case KeywordRuleResult.Invalid invalid:
                invalid.Errors.ToList().ForEach(error => ModelState.AddModelError(string.Empty, error));
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    public Task<IActionResult> OnPostMoveAsync(int ruleId, MoveDirection direction, CancellationToken cancellationToken) =>
        AfterAsync(rules.MoveAsync(ruleId, direction, cancellationToken), "已调整顺序。");

    public Task<IActionResult> OnPostDeleteAsync(int ruleId, CancellationToken cancellationToken) =>
        AfterAsync(rules.DeleteAsync(ruleId, cancellationToken), "已删除。");

    private async Task<IActionResult> AfterAsync(Task<KeywordRuleResult> change, string done)
    {
        Message = await change is KeywordRuleResult.Saved ? done : "没有找到这条规则，可能已被别人删除。";
        return RedirectToPage(new { id = (int?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await rules.ListAsync(cancellationToken);
        EntryChoices = index.Entries.OrderBy(entry => entry.Id, StringComparer.Ordinal).Select(entry => (entry.Id, entry.Title)).ToList();
    }

    public string TitleOf(string entryId) => index.Find(entryId)?.Title ?? $"{entryId}（条目已不存在）";
}
