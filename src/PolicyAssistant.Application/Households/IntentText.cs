namespace PolicyAssistant.Application.Households;

/// <summary>The little text handling the household intents share.</summary>
public static class IntentText
{
    private static readonly char[] Noise = " \t\r\n。.！!？?~～，,、；;：:…\"“”'‘’".ToCharArray();

    /// <summary>
    /// Without spaces and punctuation, lower-case: “绑定！” → “绑定”. A point or comma between digits is part of a
    /// number (1234.56元, 1.5万, 12,000) and stays.
    /// </summary>
    public static string Compact(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var inNumber = c is '.' or ',' && i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);
            if (inNumber || Array.IndexOf(Noise, c) < 0)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().ToLowerInvariant();
    }

    public static bool ContainsAny(string text, IEnumerable<string> words) => words.Any(word => text.Contains(word, StringComparison.Ordinal));
}
