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
/// sent, so a bad edit fails here with a clear message rather than as WeChat's bare errcode.
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
            throw new FormatException($"The menu is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("button", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
                throw new FormatException("The menu has no \"button\" array.");
            if (buttons.GetArrayLength() is < 1 or > 3)
                throw new FormatException("A menu has 1 to 3 top-level buttons.");
            foreach (var button in buttons.EnumerateArray())
            {
                var name = CheckName(button, maxBytes: 16);
                if (button.TryGetProperty("sub_button", out var subButtons))
                {
                    if (subButtons.GetArrayLength() is < 1 or > 5)
                        throw new FormatException($"Menu \"{name}\" needs 1 to 5 sub-buttons.");
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
            throw new FormatException($"Button name \"{name}\" must be 1 to {maxBytes} bytes of UTF-8.");
        return name;
    }

    private static void CheckAction(JsonElement button, string name)
    {
        var type = button.TryGetProperty("type", out var value) ? value.GetString() : null;
        var (field, maxBytes) = type switch
        {
            "click" => ("key", 128),
            "view" => ("url", 1024),
            _ => throw new FormatException($"Button \"{name}\" must be of type click or view."),
        };
        var target = button.TryGetProperty(field, out var text) ? text.GetString() ?? "" : "";
        if (target.Length == 0 || Encoding.UTF8.GetByteCount(target) > maxBytes)
            throw new FormatException($"Button \"{name}\" needs a {field} of 1 to {maxBytes} bytes.");
    }
}
