using Microsoft.AspNetCore.Authorization;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.WeChat.Menu;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.WeChat;

/// <summary>The account's custom menu: 3 top-level buttons × 5 sub-buttons, each a bot command or a link, published with menu/create.</summary>
[Authorize(Policy = BackOfficePolicies.Administrator)]
public sealed class MenuModel(EditWeChatMenuCommand menus) : PageModel
{
    public const int TopLevelCount = 3;
    public const int SubButtonCount = 5;

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public List<ButtonInput> Buttons { get; set; } = [];

    public DateTime? PublishedAt { get; private set; }

    public bool ChangedSincePublished { get; private set; }

    public MenuDocument Preview => ToDocument();

    public IReadOnlyList<MenuCommand> Commands => MenuCommands.All;

    public sealed class ButtonInput
    {
        public string? Name { get; set; }

        /// <summary>"click" runs a bot command, "view" opens a link.</summary>
        public string Action { get; set; } = "click";

        public string? Key { get; set; }

        public string? Url { get; set; }

        public List<ButtonInput> Subs { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await menus.GetAsync(cancellationToken);
        PublishedAt = draft?.PublishedAt;
        ChangedSincePublished = draft is not null && draft.Json != draft.PublishedJson;
        Buttons = FromDocument(draft is null ? new MenuDocument() : MenuDocument.FromJson(draft.Json));
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ApplyAsync(menus.SaveAsync(ToDocument(), cancellationToken), "菜单已保存（还没有发布到公众号）。", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ApplyAsync(menus.PublishAsync(ToDocument(), cancellationToken), "菜单已发布到公众号。用户重新进入公众号后（最长约5分钟）能看到新菜单。", cancellationToken);

    private async Task<IActionResult> ApplyAsync(Task<MenuEditResult> change, string done, CancellationToken cancellationToken)
    {
        if (await change is MenuEditResult.Invalid invalid)
        {
            invalid.Errors.ToList().ForEach(error => ModelState.AddModelError(string.Empty, error));
            var draft = await menus.GetAsync(cancellationToken);
            PublishedAt = draft?.PublishedAt;
            Buttons = FromDocument(ToDocument());
            return Page();
        }

        Message = done;
        return RedirectToPage();
    }

    private MenuDocument ToDocument()
    {
        var document = new MenuDocument();
        foreach (var top in Buttons.Take(TopLevelCount))
        {
            var subs = top.Subs.Take(SubButtonCount).Where(sub => !string.IsNullOrWhiteSpace(sub.Name)).Select(Leaf).ToList();
            if (subs.Count > 0)
            {
                document.Buttons.Add(new MenuButton { Name = top.Name?.Trim() ?? "", SubButtons = subs });
            }
            else if (!string.IsNullOrWhiteSpace(top.Name))
            {
                document.Buttons.Add(Leaf(top));
            }
        }

        return document;
    }

    private static MenuButton Leaf(ButtonInput input) => input.Action == "view"
        ? new MenuButton { Type = "view", Name = input.Name?.Trim() ?? "", Url = input.Url?.Trim() ?? "" }
        : new MenuButton { Type = "click", Name = input.Name?.Trim() ?? "", Key = input.Key ?? "" };

    /// <summary>Always 3 top-level slots of 5 sub-button slots, the empty ones for new buttons.</summary>
    private static List<ButtonInput> FromDocument(MenuDocument document) =>
        Enumerable.Range(0, TopLevelCount).Select(i =>
        {
            var button = i < document.Buttons.Count ? document.Buttons[i] : null;
            var input = button is null ? new ButtonInput() : Input(button);
            input.Subs = Enumerable.Range(0, SubButtonCount)
                .Select(j => button?.SubButtons is { } subs && j < subs.Count ? Input(subs[j]) : new ButtonInput())
                .ToList();
            return input;
        }).ToList();

    private static ButtonInput Input(MenuButton button) =>
        new() { Name = button.Name, Action = button.Type == "view" ? "view" : "click", Key = button.Key, Url = button.Url };
}
