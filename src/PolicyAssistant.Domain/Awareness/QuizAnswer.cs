using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Domain.Awareness;

/// <summary>
/// Reads a choice number from a household's reply: “2”, “２”, “2.”, “选2”, “第二个”, “贰”, “②”. Traditional
/// characters and full-width digits are folded first (<see cref="TextFolding"/>).
/// </summary>
public static class QuizAnswer
{
    private const string ChineseDigits = "一二三四五六七八九";
    private const string FormalDigits = "壹贰叁肆伍陆柒捌玖";
    private const string CircledDigits = "①②③④⑤⑥⑦⑧⑨";
    private static readonly string[] Wrappers = ["选项", "选择", "选", "答案", "第", "个", "项", "号", "题"];

    /// <summary>The number, when the reply is one number between 1 and <paramref name="choiceCount"/> and nothing else.</summary>
    public static int? Read(string text, int choiceCount)
    {
        var core = new string(TextFolding.Fold(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
        foreach (var wrapper in Wrappers)
        {
            core = core.Replace(wrapper, string.Empty, StringComparison.Ordinal);
        }

        if (core.Length != 1)
        {
            return null;
        }

        var c = core[0];
        var number = c switch
        {
            >= '1' and <= '9' => c - '0',
            '两' => 2,
            _ when ChineseDigits.IndexOf(c) is >= 0 and var i => i + 1,
            _ when FormalDigits.IndexOf(c) is >= 0 and var i => i + 1,
            _ when CircledDigits.IndexOf(c) is >= 0 and var i => i + 1,
            _ => 0,
        };
        return number >= 1 && number <= choiceCount ? number : null;
    }
}
