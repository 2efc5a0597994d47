namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>One reply's worth of an answer, and what is left for "1".</summary>
public sealed record SmsReplyPart(string Text, string? Remainder);

/// <summary>
/// Fits an answer into a few segments. A longer answer is cut after the last whole sentence that fits,
/// followed by "回复 1 看全文"; the rest is returned so the next "1" can send it the same way.
/// </summary>
public static class SmsReplyShortener
{
    private const string SentenceEnds = "。！？!?；;\n";
    private const string ClauseEnds = "，,、：:";
    private const string Ellipsis = "…";

    public static SmsReplyPart Shorten(string answer, string signName, int maxSegments)
    {
        var text = Tidy(answer);
        if (SmsSegmenter.CountSegments(text, signName) <= maxSegments)
        {
            return new SmsReplyPart(text, null);
        }

        var budget = SmsSegmenter.MaxBodyCharacters(maxSegments, signName) - SmsText.ContinueHint.Length;
        var (head, tail) = Cut(text, budget);
        return new SmsReplyPart(head + SmsText.ContinueHint, tail);
    }

    // Prefer a sentence end, then a clause end, within the budget; keep at least a third of it, or cut hard.
    private static (string Head, string Tail) Cut(string text, int budget)
    {
        var floor = budget / 3;
        var sentenceEnd = LastIndexOfAny(text, SentenceEnds, budget);
        if (sentenceEnd >= floor)
        {
            return (text[..(sentenceEnd + 1)].TrimEnd(), text[(sentenceEnd + 1)..].TrimStart());
        }

        var clauseEnd = LastIndexOfAny(text, ClauseEnds, budget - Ellipsis.Length);
        var cut = clauseEnd >= floor ? clauseEnd : budget - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var head = clauseEnd >= floor ? text[..clauseEnd] : text[..cut];
        var tail = clauseEnd >= floor ? text[(clauseEnd + 1)..] : text[cut..];
        return (head.TrimEnd() + Ellipsis, tail.TrimStart());
    }

    private static int LastIndexOfAny(string text, string characters, int length) =>
        text.AsSpan(0, Math.Min(length, text.Length)).LastIndexOfAny(characters);

    private static string Tidy(string answer)
    {
        var lines = answer.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }
}
