using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace PolicyAssistant.Conversation.Dialogs.Prompts;

/// <summary>
/// A number written in Arabic digits, half- or full-width, anywhere in the answer ("大概3,000元" → 3000).
/// An answer with no digits, or with a Chinese unit after them ("1万2"), goes to
/// <see cref="ChineseNumberParser"/> when one is set; two numbers are ambiguous and asked again.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    /// <summary>Reads Chinese numerals ("三千五", "1万2"); null when the text holds none.</summary>
    public Func<string, decimal?>? ChineseNumberParser { get; init; }

    protected override PromptRecognizerResult<T> Recognize(string text, PromptOptions options)
    {
        if (NumberRecognizer.Recognize(text, ChineseNumberParser) is not { } number)
        {
            return PromptRecognizerResult<T>.Failed;
        }

        try
        {
            // Only exact conversions: 1.5 is not an int answer, and 10^20 is not an int at all.
            var value = T.CreateChecked(number);
            return decimal.CreateChecked(value) == number ? Recognized(value) : PromptRecognizerResult<T>.Failed;
        }
        catch (OverflowException)
        {
            return PromptRecognizerResult<T>.Failed;
        }
    }
}

internal static partial class NumberRecognizer
{
    private const string ChineseUnits = "十百千万亿";

    public static decimal? Recognize(string text, Func<string, decimal?>? chineseNumberParser)
    {
        var folded = PromptText.Fold(text);
        var matches = ArabicNumber().Matches(folded);
        if (matches.Count == 1 && !FollowedByChineseUnit(folded, matches[0]))
        {
            var digits = matches[0].Value.Replace(",", string.Empty, StringComparison.Ordinal);
            return decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }

        // No digits, or digits with a Chinese unit ("1万2"): the Chinese parser's turn. Several plain numbers are ambiguous.
        return matches.Count == 0 || matches.Any(match => FollowedByChineseUnit(folded, match))
            ? chineseNumberParser?.Invoke(text)
            : null;
    }

    private static bool FollowedByChineseUnit(string text, Match match)
    {
        var next = match.Index + match.Length;
        return next < text.Length && ChineseUnits.Contains(text[next]);
    }

    // ASCII digits only: \d would also take Arabic-Indic and other scripts' digits.
    [GeneratedRegex(@"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicNumber();
}
