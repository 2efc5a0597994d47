using System.Text;

namespace PolicyAssistant.Conversation.Dialogs.Prompts;

/// <summary>
/// The little normalisation answers need before they are recognised. Full-width folding is repeated
/// here in miniature because Conversation does not depend on Knowledge's normaliser.
/// </summary>
internal static class PromptText
{
    private static readonly char[] ClosingPunctuation = "。.！!？?~～，,、；;：:…".ToCharArray();
    private const string Particles = "的啊呀吧了啦哦嘛呢";

    /// <summary>Control characters removed, except line breaks and tabs.</summary>
    public static string WithoutControlCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Full-width ASCII (digits, letters, punctuation) and the ideographic space to half-width.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' and var c => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                var c => c,
            };
        }
    });

    /// <summary>Folded, trimmed, lower-case and without closing punctuation: "１、" → "1", "Yes!" → "yes".</summary>
    public static string Normalize(string text) =>
        Fold(WithoutControlCharacters(text)).Trim().ToLowerInvariant().TrimEnd(ClosingPunctuation).Trim();

    /// <summary>The text up to its first punctuation mark: "是的，谢谢" → "是的".</summary>
    public static string FirstClause(string text)
    {
        var end = text.IndexOfAny(ClosingPunctuation);
        return (end < 0 ? text : text[..end]).Trim();
    }

    /// <summary>The text, then the text less one trailing particle, and so on: "算了吧", "算了", "算".</summary>
    public static IEnumerable<string> WithParticlesTrimmed(string text)
    {
        yield return text;
        while (text.Length > 1 && Particles.Contains(text[^1]))
        {
            text = text[..^1];
            yield return text;
        }
    }
}
