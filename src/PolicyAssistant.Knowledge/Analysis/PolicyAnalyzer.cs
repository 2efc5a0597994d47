using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Normalization;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>
/// How policy text and questions become search terms, the same way for both:
/// fold (Traditional, full-width, case) → SmartCn segmentation → drop punctuation → join domain
/// words → drop function words → map synonyms onto their canonical term.
/// </summary>
public sealed class PolicyAnalyzer : Analyzer
{
    private readonly CharArraySet _words;
    private readonly int _maxWordLength;
    private readonly SynonymMap? _synonyms;

    public PolicyAnalyzer(KnowledgeVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        // Multi-character stop words join too (咋|回|事 → 咋回事), so the stop filter can drop them whole.
        var compoundWords = vocabulary.CompoundWords.Concat(StopWords.Where(w => w.Length >= 2)).Distinct().ToList();
        _words = new CharArraySet(LuceneSettings.Version, compoundWords, ignoreCase: false);
        _maxWordLength = compoundWords.Count == 0 ? 0 : compoundWords.Max(w => w.Length);
        // A separate instance: an analyzer caches its chain per thread, so this one must never
        // have run without its synonym step.
        using var withoutSynonyms = new PolicyAnalyzer(_words, _maxWordLength);
        (_synonyms, SynonymErrors) = BuildSynonyms(vocabulary, withoutSynonyms);
    }

    private PolicyAnalyzer(CharArraySet words, int maxWordLength)
    {
        _words = words;
        _maxWordLength = maxWordLength;
        SynonymErrors = [];
    }

    /// <summary>Synonym terms that could not be used (for instance a term made only of function words).</summary>
    public IReadOnlyList<VocabularyError> SynonymErrors { get; }

    /// <summary>The function words dropped from every text, loaded once from the embedded list.</summary>
    public static CharArraySet StopWords => StopWordsHolder.Set;

    /// <summary>The distinct terms of a text, in order of first appearance.</summary>
    public IReadOnlyList<string> Terms(string text) => Tokens(this, text);

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream result = new PunctuationFilter(tokenizer);
        if (_maxWordLength > 0)
        {
            result = new DomainCompoundFilter(result, _words, _maxWordLength);
        }

        result = new StopFilter(LuceneSettings.Version, result, StopWords);
        if (_synonyms is not null)
        {
            result = new SynonymFilter(result, _synonyms, ignoreCase: false);
        }

        return new TokenStreamComponents(tokenizer, result);
    }

    internal static IReadOnlyList<string> Tokens(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    // Each synonym term is analysed by this same chain minus the synonym step, so a variant maps
    // exactly when the text holds it.
    private static (SynonymMap?, IReadOnlyList<VocabularyError>) BuildSynonyms(KnowledgeVocabulary vocabulary, PolicyAnalyzer withoutSynonyms)
    {
        var errors = new List<VocabularyError>();
        if (vocabulary.SynonymGroups.Count == 0)
        {
            return (null, errors);
        }

        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var group in vocabulary.SynonymGroups)
        {
            var canonical = Tokens(withoutSynonyms, group.Canonical);
            if (canonical.Count == 0)
            {
                errors.Add(new VocabularyError(KnowledgeVocabulary.SynonymsFileName, group.Line, $"canonical term '{group.Canonical}' has only function words"));
                continue;
            }

            foreach (var variant in group.Variants)
            {
                var tokens = Tokens(withoutSynonyms, variant);
                if (tokens.Count == 0)
                {
                    errors.Add(new VocabularyError(KnowledgeVocabulary.SynonymsFileName, group.Line, $"term '{variant}' has only function words"));
                }
                else if (!tokens.SequenceEqual(canonical))
                {
                    builder.Add(Join(tokens), Join(canonical), includeOrig: false);
                }
            }
        }

        return (builder.Build(), errors);
    }

    private static CharsRef Join(IReadOnlyList<string> tokens) => SynonymMap.Builder.Join(tokens.ToArray(), new CharsRef());

    private static class StopWordsHolder
    {
        public static readonly CharArraySet Set = Load();

        private static CharArraySet Load()
        {
            using var stream = typeof(PolicyAnalyzer).Assembly.GetManifestResourceStream("PolicyAssistant.Knowledge.Analysis.stopwords.txt")
                ?? throw new InvalidOperationException("The stop word list is not embedded in the assembly.");
            using var reader = new StreamReader(stream);
            var words = reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !w.StartsWith('#'))
                .Select(TextFolding.Fold);
            return new CharArraySet(LuceneSettings.Version, words.ToList(), ignoreCase: false).AsReadOnly();
        }
    }
}
