using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// Finds a question about another province's or big city's policy (北京的医保怎么报销). A place
/// right after 去, 到, 在, 从 or 回 is where something happened (在北京住院, 去台湾旅游生病) and
/// is a question about our own policy, so it does not count.
/// </summary>
internal sealed class OtherPlaces
{
    private const string Whereabouts = "去到在从回赴";

    private static readonly Lazy<IReadOnlyList<string>> AllPlaces = new(() => EmbeddedWordList.Read("PolicyAssistant.Knowledge.Answers.other-places.txt"));
    private readonly string[] _names;

    public OtherPlaces(IEnumerable<string> homePlaces)
    {
        var home = homePlaces.Select(TextFolding.Fold).ToList();
        // A home place's sub-names are home too: serving 广西 means 广西壮族自治区 is not "elsewhere".
        _names = AllPlaces.Value.Where(p => !home.Any(h => h.Contains(p, StringComparison.Ordinal) || p.Contains(h, StringComparison.Ordinal))).ToArray();
    }

    /// <param name="foldedQuestion">The question after <see cref="TextFolding.Fold(string)"/>.</param>
    public string? FindIn(string foldedQuestion) =>
        _names.FirstOrDefault(name => Mentions(foldedQuestion, name));

    private static bool Mentions(string question, string name)
    {
        for (var at = question.IndexOf(name, StringComparison.Ordinal); at >= 0; at = question.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !Whereabouts.Contains(question[at - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
