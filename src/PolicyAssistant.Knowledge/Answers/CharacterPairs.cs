using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// How alike two short texts are by their adjacent character pairs (Dice), ignoring punctuation and spaces: 1 for the
/// same letters, 0 for none in common. It needs no analysis, so it also compares what the segmenter cuts differently.
/// </summary>
public static class CharacterPairs
{
    /// <param name="folded">A text after <see cref="TextFolding.Fold(string)"/>.</param>
    public static string Letters(string folded) => string.Concat(folded.Where(char.IsLetterOrDigit));

    /// <param name="folded">A text after <see cref="TextFolding.Fold(string)"/>.</param>
    public static HashSet<string> Of(string folded) => OfLetters(Letters(folded));

    public static HashSet<string> OfLetters(string letters)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            pairs.Add(letters.Substring(i, 2));
        }

        return pairs;
    }

    public static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
}
