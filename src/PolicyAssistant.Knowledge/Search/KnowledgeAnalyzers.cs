using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using PolicyAssistant.Knowledge.Analysis;

namespace PolicyAssistant.Knowledge.Search;

/// <summary>The analysis of one vocabulary: terms for every field but the bigram one.</summary>
internal sealed class KnowledgeAnalyzers : IDisposable
{
    public KnowledgeAnalyzers(KnowledgeVocabulary vocabulary)
    {
        Vocabulary = vocabulary;
        Policy = new PolicyAnalyzer(vocabulary);
        Bigram = new BigramAnalyzer();
        Index = new PerFieldAnalyzerWrapper(Policy, new Dictionary<string, Analyzer> { [KnowledgeFields.Bigrams] = Bigram });
        Errors = [.. vocabulary.Errors, .. Policy.SynonymErrors];
    }

    public KnowledgeVocabulary Vocabulary { get; }

    public PolicyAnalyzer Policy { get; }

    public BigramAnalyzer Bigram { get; }

    public Analyzer Index { get; }

    public IReadOnlyList<VocabularyError> Errors { get; }

    public void Dispose()
    {
        Index.Dispose();
        Policy.Dispose();
        Bigram.Dispose();
    }
}
