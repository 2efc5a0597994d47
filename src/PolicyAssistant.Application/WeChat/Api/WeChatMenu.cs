using System.Text;
using System.Text.Json;

namespace PolicyAssistant.Application.WeChat.Api;

/// <summary>The EventKey of each click button in content/wechat-menu.json; a click reaches the bot as event "click" with this value.</summary>
public static class WeChatMenuKeys
{
    public const string PolicyQuestions = "POLICY_QA";
    public const string BindIdentity = "BIND_IDENTITY";
    public const string FamilyDoctor = "FAMILY_DOCTOR";
    public const string ChronicCertification = "CHRONIC_CERTIFICATION";
    public const string SettlementEstimate = "SETTLEMENT_ESTIMATE";
    public const string ContactUs = "CONTACT_US";
}

/// <summary>
/// A custom menu in the JSON that /cgi-bin/menu/create takes, checked against WeChat's limits before it is
/// sent, so a bad edit fails here with a clear (Chinese: the menu editor shows it) message rather than as
/// WeChat's bare errcode. Limits from the menu/create documentation: 3 top-level buttons of at most 16 bytes,
/// 5 sub-buttons each of at most 60 bytes, key at most 128 bytes, url at most 1024 bytes.
/// </summary>
public sealed class WeChatMenu
{
    private WeChatMenu(string json) => Json = json;

    public string Json { get; }

    public static WeChatMenu Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static WeChatMenu Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"菜单不是有效的 JSON：{exception.Message}", exception);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("button", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
                throw new FormatException("菜单缺少 button 数组。");
            if (buttons.GetArrayLength() is < 1 or > 3)
                throw new FormatException("菜单要有 1 到 3 个一级菜单。");
            foreach (var button in buttons.EnumerateArray())
            {
                var name = CheckName(button, maxBytes: 16);
                if (button.TryGetProperty("sub_button", out var subButtons))
                {
                    if (subButtons.GetArrayLength() is < 1 or > 5)
                        throw new FormatException($"一级菜单“{name}”下要有 1 到 5 个子菜单。");
                    foreach (var subButton in subButtons.EnumerateArray())
                    {
                        CheckAction(subButton, CheckName(subButton, maxBytes: 60));
                    }
                }
                else
                {
                    CheckAction(button, name);
                }
            }
        }

        return new WeChatMenu(json);
    }

    private static string CheckName(JsonElement button, int maxBytes)
    {
        var name = button.TryGetProperty("name", out var value) ? value.GetString() ?? "" : "";
        if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > maxBytes)
            throw new FormatException(name.Length == 0 ? "菜单名称不能为空。" : $"菜单名称“{name}”太长：最多 {maxBytes} 个字节（一个汉字占 3 个字节）。");
        return name;
    }

    private static void CheckAction(JsonElement button, string name)
    {
        var type = button.TryGetProperty("type", out var value) ? value.GetString() : null;
        var (field, maxBytes) = type switch
        {
            "click" => ("key", 128),
            "view" => ("url", 1024),
            _ => throw new FormatException($"菜单“{name}”只能是点击（click）或网页链接（view）。"),
        };
        var target = button.TryGetProperty(field, out var text) ? text.GetString() ?? "" : "";
        if (target.Length == 0 || Encoding.UTF8.GetByteCount(target) > maxBytes)
            throw new FormatException(field == "url" ? $"菜单“{name}”要填网页地址（最多 {maxBytes} 个字节）。" : $"菜单“{name}”要选一个功能（key 最多 {maxBytes} 个字节）。");
    }
}
