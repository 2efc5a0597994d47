using PolicyAssistant.Application.Assistant;

namespace PolicyAssistant.Web.Pages.Admin.WeChat;

/// <summary>One button's fields in the menu form, named <paramref name="Prefix"/>.Name and so on for model binding.</summary>
public sealed record MenuButtonFields(string Prefix, MenuModel.ButtonInput Button, IReadOnlyList<MenuCommand> Commands);
