using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>
/// The words the search must know beyond SmartCn's own dictionary: domain words (起付线, 一站式结算)
/// and synonym groups, first term canonical (医保, 新农合, 城乡居民基本医疗保险). A value, so the
/// back office can edit the texts and rebuild the index with a new one. All terms are folded.
/// </summary>
public sealed class KnowledgeVocabulary
{
    public const string DictionaryFileName = "dictionary.txt";
    public const string SynonymsFileName = "synonyms.txt";

    private KnowledgeVocabulary(IReadOnlyList<string> words, IReadOnlyList<SynonymGroup> synonymGroups, IReadOnlyList<VocabularyError> errors)
    {
        Words = words;
        SynonymGroups = synonymGroups;
        Errors = errors;
    }

    public static KnowledgeVocabulary Empty { get; } = new([], [], []);

    /// <summary>Domain words, one token each after analysis.</summary>
    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<SynonymGroup> SynonymGroups { get; }

    /// <summary>Lines of the texts that were skipped, for the back office to show.</summary>
    public IReadOnlyList<VocabularyError> Errors { get; }

    /// <summary>
    /// Every word that should come out of analysis as one token: the dictionary words and every
    /// term of every synonym group, so a variant such as 看病押金 is one token the synonym filter can map.
    /// </summary>
    public IEnumerable<string> CompoundWords =>
        Words.Concat(SynonymGroups.SelectMany(g => g.Variants.Prepend(g.Canonical))).Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal);

    /// <summary>Reads dictionary.txt and synonyms.txt from the content folder; a missing file is an empty one.</summary>
    public static KnowledgeVocabulary Load(string contentDirectory)
    {
        static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
        return Parse(
            ReadOrEmpty(Path.Combine(contentDirectory, DictionaryFileName)),
            ReadOrEmpty(Path.Combine(contentDirectory, SynonymsFileName)));
    }

    /// <param name="dictionaryText">One word a line; text after the first blank (a jieba frequency) is ignored.</param>
    /// <param name="synonymsText">Solr format: <c>a, b, c</c> (first is canonical) or <c>b, c => a</c>; <c>#</c> comments.</param>
    public static KnowledgeVocabulary Parse(string dictionaryText, string synonymsText)
    {
        var errors = new List<VocabularyError>();
        var words = new List<string>();
        foreach (var (line, _) in Lines(dictionaryText))
        {
            var word = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            words.Add(TextFolding.Fold(word));
        }

        var groups = new List<SynonymGroup>();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, number) in Lines(synonymsText))
        {
            if (ParseGroup(line, number) is not { } group)
            {
                errors.Add(new VocabularyError(SynonymsFileName, number, $"a synonym line needs at least two terms: '{line}'"));
                continue;
            }

            var taken = group.Variants.Prepend(group.Canonical).FirstOrDefault(owner.ContainsKey);
            if (taken is not null)
            {
                errors.Add(new VocabularyError(SynonymsFileName, number, $"'{taken}' is already in the group of line {owner[taken]}"));
                continue;
            }

            foreach (var term in group.Variants.Prepend(group.Canonical))
            {
                owner[term] = number;
            }

            groups.Add(group);
        }

        return new(words.Distinct(StringComparer.Ordinal).ToList(), groups, errors);
    }

    private static SynonymGroup? ParseGroup(string line, int number)
    {
        static List<string> Terms(string part) => part
            .Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(TextFolding.Fold)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var arrow = line.IndexOf("=>", StringComparison.Ordinal);
        List<string> terms;
        if (arrow >= 0)
        {
            var canonical = Terms(line[(arrow + 2)..]);
            var variants = Terms(line[..arrow]);
            terms = canonical.Take(1).Concat(variants.Concat(canonical.Skip(1)).Except(canonical.Take(1))).ToList();
            if (canonical.Count == 0)
            {
                return null;
            }
        }
        else
        {
            terms = Terms(line);
        }

        return terms.Count < 2 ? null : new SynonymGroup(terms[0], terms.Skip(1).ToList(), number);
    }

    private static IEnumerable<(string Line, int Number)> Lines(string text)
    {
        var number = 0;
        foreach (var raw in text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return (line, number);
            }
        }
    }
}

/// <summary>One synonym line: every variant is indexed and searched as the canonical term.</summary>
public sealed record SynonymGroup(string Canonical, IReadOnlyList<string> Variants, int Line);

public sealed record VocabularyError(string FileName, int Line, string Message)
{
    public override string ToString() => $"{FileName}:{Line}: {Message}";
}
