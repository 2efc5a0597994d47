using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>The fixed wording of the SMS channel and the reading of short commands people text in.</summary>
public static class SmsText
{
    /// <summary>The provider's required ending of every campaign text.</summary>
    public const string OptOutFooter = "拒收请回复R";

    public const string OptOutConfirmation = "已退订政策宣传短信。问答和验证码不受影响。";

    public const string OptInConfirmation = "已恢复接收政策宣传短信。回复R可再次退订。";

    public const string ContinueHint = "回复 1 看全文";

    public const string OverLimitNotice = "您近期提问较多，请稍后再问。急事请直接联系村医或乡镇卫生院。";

    private static readonly HashSet<string> OptOutWords = ["R", "T", "TD", "退订", "取消订阅", "退订短信"];

    private static readonly HashSet<string> OptInWords = ["订阅", "恢复订阅", "重新订阅"];

    /// <summary>A campaign text as queued: ending in the opt-out words, once.</summary>
    public static string Campaign(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith(OptOutFooter, StringComparison.Ordinal) ? trimmed : trimmed + OptOutFooter;
    }

    /// <summary>A text as the phone shows it: the provider puts the 【sign name】 before it.</summary>
    public static string AsReceived(string signName, string text) => $"【{signName}】{text}";

    public static bool IsOptOut(string text) => OptOutWords.Contains(Fold(text));

    public static bool IsOptIn(string text) => OptInWords.Contains(Fold(text));

    public static bool IsContinue(string text) => Fold(text) == "1";

    /// <summary>A short command as typed on any phone: folded (full-width, Traditional), trimmed, upper-cased, closing punctuation dropped.</summary>
    public static string Fold(string text) => TextFolding.Fold(text).Trim().TrimEnd('。', '.', '!', '！', '?', '？', '~').Trim().ToUpperInvariant();

}

internal static class SmsJson
{
    /// <summary>Chinese stays readable in stored and sent JSON; these strings never reach an HTML page unencoded.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
