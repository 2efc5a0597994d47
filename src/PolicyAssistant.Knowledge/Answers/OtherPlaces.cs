using PolicyAssistant.Knowledge.Normalization;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>Finds a province or big city outside the deployment's own in a question.</summary>
internal sealed class OtherPlaces
{
    private static readonly Lazy<IReadOnlyList<string>> AllPlaces = new(Load);
    private readonly string[] names;

    public OtherPlaces(IEnumerable<string> homePlaces)
    {
        var home = homePlaces.Select(TextFolding.Fold).ToList();
        // A home place's sub-names are home too: serving 广西 means 广西壮族自治区 is not "elsewhere".
        names = AllPlaces.Value.Where(p => !home.Any(h => h.Contains(p, StringComparison.Ordinal) || p.Contains(h, StringComparison.Ordinal))).ToArray();
    }

    /// <param name="foldedQuestion">The question after <see cref="TextFolding.Fold(string)"/>.</param>
    public string? FindIn(string foldedQuestion) =>
        names.FirstOrDefault(name => foldedQuestion.Contains(name, StringComparison.Ordinal));

    private static IReadOnlyList<string> Load()
    {
        using var stream = typeof(OtherPlaces).Assembly.GetManifestResourceStream("PolicyAssistant.Knowledge.Answers.other-places.txt")
            ?? throw new InvalidOperationException("The place list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .ToList();
    }
}
