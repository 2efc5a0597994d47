namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>
/// How a text is billed. Every text is treated as UCS-2, as any Chinese text is: 70 characters fit in
/// one segment, and a longer text is split into segments of 67. The 【sign name】 counts.
/// </summary>
public static class SmsSegmenter
{
    public const int SingleSegmentCharacters = 70;
    public const int ConcatenatedSegmentCharacters = 67;

    /// <summary>Characters billed: the body plus 【sign name】; UTF-16 units, as UCS-2 counts them.</summary>
    public static int CountCharacters(string text, string signName) => text.Length + signName.Length + 2;

    public static int CountSegments(string text, string signName)
    {
        var characters = CountCharacters(text, signName);
        return characters <= SingleSegmentCharacters ? 1 : (characters + ConcatenatedSegmentCharacters - 1) / ConcatenatedSegmentCharacters;
    }

    /// <summary>The longest body that fits in <paramref name="segments"/> segments under this sign name.</summary>
    public static int MaxBodyCharacters(int segments, string signName) =>
        (segments <= 1 ? SingleSegmentCharacters : segments * ConcatenatedSegmentCharacters) - signName.Length - 2;
}
