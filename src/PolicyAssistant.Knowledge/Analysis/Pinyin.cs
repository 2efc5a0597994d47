using System.Collections.Frozen;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>How each Chinese character is read, without tones (pinyin.txt, made by make-pinyin.py).</summary>
public static class Pinyin
{
    private static readonly Lazy<FrozenDictionary<char, string[]>> Table = new(Load);

    public static bool IsHanzi(char character) => character is >= '\u4E00' and <= '\u9FFF';

    /// <summary>The character's readings, the commonest first; empty for anything but a Chinese character.</summary>
    public static IReadOnlyList<string> Readings(char character) => Table.Value.GetValueOrDefault(character) ?? [];

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
