using System.Collections.Frozen;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>
/// Mends the slip a household makes most on a phone's pinyin keyboard: one character of a domain word replaced by
/// another with the same sound, or one the keyboard's fuzzy pinyin blurs with it (门珍 → 门诊, 签越 → 签约, 胰导素 → 胰岛素,
/// 家庭医身 → 家庭医生). A run of characters is mended only
/// when it sounds like exactly one vocabulary word, differs from it in one character, and is not itself written
/// anywhere in the knowledge base (so a real word the content uses is never "mended").
/// </summary>
public sealed class HomophoneRepair
{
    private const int MinLength = 2;
    private const int MaxLength = 4;

    // Readings multiply for characters with several (约 yue/yao); past this many a word is keyed by its first.
    private const int MaxKeysPerRun = 16;

    private readonly FrozenSet<string> _words;
    private readonly FrozenDictionary<string, string[]> _bySound;
    private readonly string _written;

    /// <param name="vocabulary">The domain words (folded): what a slip is mended to.</param>
    /// <param name="writtenText">The knowledge base's own text, folded: runs found in it are words, not slips.</param>
    public HomophoneRepair(IEnumerable<string> vocabulary, string writtenText)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _words = vocabulary.Where(w => w.Length is >= MinLength and <= MaxLength && w.All(Pinyin.IsHanzi)).ToFrozenSet(StringComparer.Ordinal);
        _bySound = _words
            .SelectMany(word => Sounds(word).Select(sound => (sound, word)))
            .GroupBy(pair => pair.sound, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.word).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _written = writtenText ?? "";
    }

    /// <param name="folded">A question after folding (Simplified, half-width).</param>
    public string Mend(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (_bySound.Count == 0)
        {
            return folded;
        }

        System.Text.StringBuilder? mended = null;
        var i = 0;
        while (i < folded.Length)
        {
            var (length, replacement) = AtPosition(folded, i);
            if (replacement is not null)
            {
                mended ??= new System.Text.StringBuilder(folded, 0, i, folded.Length);
                mended.Append(replacement);
            }
            else
            {
                mended?.Append(folded, i, length);
            }

            i += length;
        }

        return mended?.ToString() ?? folded;
    }

    // The longest run at i that is a word (kept) or a slip of one (mended); otherwise one character, kept.
    private (int Length, string? Replacement) AtPosition(string text, int i)
    {
        for (var length = Math.Min(MaxLength, text.Length - i); length >= MinLength; length--)
        {
            var run = text.Substring(i, length);
            if (!run.All(Pinyin.IsHanzi))
            {
                continue;
            }

            if (_words.Contains(run))
            {
                return (length, null);
            }

            var candidates = Sounds(run)
                .SelectMany(sound => _bySound.GetValueOrDefault(sound) ?? [])
                .Where(word => Differences(word, run) == 1)
                .Distinct(StringComparer.Ordinal)
                .Take(2)
                .ToList();
            if (candidates.Count == 1 && !_written.Contains(run, StringComparison.Ordinal))
            {
                return (length, candidates[0]);
            }
        }

        return (1, null);
    }

    private static int Differences(string a, string b) => a.Zip(b).Count(pair => pair.First != pair.Second);

    // Every way the run can be read aloud, blurred as fuzzy pinyin does ("men zen"); a run with a character the table lacks has none.
    private static IEnumerable<string> Sounds(string run)
    {
        var keys = new List<string> { "" };
        foreach (var character in run)
        {
            var readings = Pinyin.Readings(character);
            if (readings.Count == 0)
            {
                return [];
            }

            var blurred = Pinyin.FuzzyReadings(character);
            var next = new List<string>();
            foreach (var key in keys)
            {
                foreach (var reading in keys.Count * readings.Count > MaxKeysPerRun ? blurred.Take(1) : blurred)
                {
                    next.Add(key.Length == 0 ? reading : key + " " + reading);
                }
            }

            keys = next;
        }

        return keys;
    }
}
