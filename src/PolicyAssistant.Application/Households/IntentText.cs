namespace PolicyAssistant.Application.Households;

/// <summary>The little text handling the household intents share.</summary>
internal static class IntentText
{
    private static readonly char[] Noise = " \t\r\n。.！!？?~～，,、；;：:…\"“”'‘’".ToCharArray();

    /// <summary>Without spaces and punctuation, lower-case: “绑定！” → “绑定”.</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => Array.IndexOf(Noise, c) < 0)).ToLowerInvariant();

    public static bool ContainsAny(string text, IEnumerable<string> words) => words.Any(word => text.Contains(word, StringComparison.Ordinal));
}
