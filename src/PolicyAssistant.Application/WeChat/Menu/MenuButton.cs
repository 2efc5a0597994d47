using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.WeChat.Api;

namespace PolicyAssistant.Application.WeChat.Menu;

/// <summary>One button as menu/create spells it: a click (key), a link (url), or a parent of sub-buttons.</summary>
public sealed class MenuButton
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("key")]
    public string? Key { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("sub_button")]
    public List<MenuButton>? SubButtons { get; set; }

    [JsonIgnore]
    public bool IsParent => SubButtons is { Count: > 0 };
}

/// <summary>A whole menu: up to 3 top-level buttons, each a click, a link or up to 5 sub-buttons.</summary>
public sealed class MenuDocument
{
    private static readonly JsonSerializerOptions Options = new(WeChatApiClient.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("button")]
    public List<MenuButton> Buttons { get; set; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static MenuDocument FromJson(string json) => JsonSerializer.Deserialize<MenuDocument>(json, Options) ?? new MenuDocument();

    /// <summary>WeChat's limits (through <see cref="WeChatMenu.Parse"/>), and every click key one the bot knows.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        try
        {
            WeChatMenu.Parse(ToJson());
        }
        catch (FormatException exception)
        {
            errors.Add(exception.Message);
        }

        foreach (var button in Buttons.SelectMany(button => button.IsParent ? button.SubButtons! : [button]))
        {
            if (button.Type == "click" && button.Key is { Length: > 0 } key && MenuCommands.Find(key) is null)
            {
                errors.Add($"菜单“{button.Name}”的功能 {key} 助手不认识。");
            }

            if (button.Type == "view" && button.Url is { Length: > 0 } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                errors.Add($"菜单“{button.Name}”的网页地址要以 http:// 或 https:// 开头。");
            }
        }

        return errors;
    }
}
