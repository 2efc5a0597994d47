namespace PolicyAssistant.Knowledge.Answers;

/// <summary>A word list embedded in this assembly: one word a line, # for comments.</summary>
internal static class EmbeddedWordList
{
    public static IReadOnlyList<string> Read(string resourceName)
    {
        using var stream = typeof(EmbeddedWordList).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .ToList();
    }
}
