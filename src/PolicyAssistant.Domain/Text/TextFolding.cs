namespace PolicyAssistant.Domain.Text;

/// <summary>
/// Folds the ways households type the same words onto one form: Traditional to Simplified
/// characters, full-width to half-width, Latin to lower case. Every fold is one UTF-16 char
/// to one char, so offsets into the folded text are offsets into the original.
/// </summary>
public static class TextFolding
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthShift = 0xFEE0;
    private const char IdeographicSpace = '\u3000';

    // A 64K table: folding runs on every character that is indexed or asked, so a lookup must be one array read.
    private static readonly char[] Table = BuildTable();

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Table[source[i]];
            }
        });
    }

    public static char Fold(char c) => Table[c];

    /// <summary>Folds the characters in place.</summary>
    public static void Fold(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Table[text[i]];
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                >= FullWidthFirst and <= FullWidthLast => char.ToLowerInvariant((char)(c - FullWidthShift)),
                IdeographicSpace => ' ',
                _ => char.ToLowerInvariant(c),
            };
        }

        foreach (var (traditional, simplified) in ReadTraditionalToSimplified())
        {
            table[traditional] = simplified;
        }

        return table;
    }

    private static IEnumerable<(char Traditional, char Simplified)> ReadTraditionalToSimplified()
    {
        using var stream = typeof(TextFolding).Assembly.GetManifestResourceStream(
            "PolicyAssistant.Domain.Text.traditional-to-simplified.txt")
            ?? throw new InvalidOperationException("The Traditional-to-Simplified table is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            // Pairs outside the Basic Multilingual Plane take two UTF-16 chars on one side and would
            // break the one-char-for-one-char promise; they are rare characters, so they are skipped.
            if (line.Length == 3 && line[1] == '\t' && !char.IsSurrogate(line[0]) && !char.IsSurrogate(line[2]))
            {
                yield return (line[0], line[2]);
            }
        }
    }
}
