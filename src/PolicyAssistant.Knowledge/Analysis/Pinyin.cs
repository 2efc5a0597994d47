using System.Collections.Frozen;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>How each Chinese character is read, without tones (pinyin.txt, made by make-pinyin.py).</summary>
public static class Pinyin
{
    private static readonly Lazy<FrozenDictionary<char, string[]>> Table = new(Load);

    // Made once: the mender reads it for every character of every question it has not seen.
    private static readonly Lazy<FrozenDictionary<char, string[]>> FuzzyTable = new(() =>
        Table.Value.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Select(Fuzzy).Distinct().ToArray()));

    public static bool IsHanzi(char character) => character is >= '\u4E00' and <= '\u9FFF';

    /// <summary>The character's readings, the commonest first; empty for anything but a Chinese character.</summary>
    public static IReadOnlyList<string> Readings(char character) => Table.Value.GetValueOrDefault(character) ?? [];

    /// <summary>The character's readings as a pinyin keyboard's fuzzy setting hears them ("zhen" as "zen"), without repeats, in the order of <see cref="Readings"/>.</summary>
    public static IReadOnlyList<string> FuzzyReadings(char character) => FuzzyTable.Value.GetValueOrDefault(character) ?? [];

    // The sounds a pinyin keyboard's fuzzy setting lets a user blur, as many southern and western speakers do: zh/z,
    // ch/c, sh/s, l/n, eng/en, ing/in (家庭医身, 糖料病, 押经). ang/an is left out: it read 保温箱 as 保温县, a county.
    private static string Fuzzy(string reading)
    {
        var blurred = reading.Length > 2 && reading[1] == 'h' && reading[0] is 'z' or 'c' or 's' ? reading[0] + reading[2..] : reading;
        blurred = blurred[0] == 'l' ? "n" + blurred[1..] : blurred;
        return blurred.EndsWith("eng", StringComparison.Ordinal) || blurred.EndsWith("ing", StringComparison.Ordinal) ? blurred[..^1] : blurred;
    }

    private static FrozenDictionary<char, string[]> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("PolicyAssistant.Knowledge.Analysis.pinyin.txt")
            ?? throw new InvalidOperationException("pinyin.txt is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<char, string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 2 && line[0] != '#' && line[1] == ' ')
            {
                table[line[0]] = line[2..].Split(',');
            }
        }

        return table.ToFrozenDictionary();
    }
}
