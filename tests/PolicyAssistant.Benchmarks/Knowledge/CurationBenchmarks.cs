using BenchmarkDotNet.Attributes;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Benchmarks.Knowledge;

/// <summary>
/// What knowledge-base curation adds to a message: counting the answering entry (every answer), and the group key of
/// a question the bot could not answer (only those, beside their database insert).
/// </summary>
[MemoryDiagnoser]
public class CurationBenchmarks
{
    private readonly KnowledgeEntryHitCounter counter = new(TimeProvider.System);
    private KnowledgeIndex index = null!;
    private IReadOnlyList<string> ids = [];
    private IReadOnlyList<string> questions = [];
    private IReadOnlyList<IReadOnlyList<string>> terms = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var entries = BenchmarkContent.RealEntries();
        index = new KnowledgeIndex(BenchmarkContent.Vocabulary());
        index.Rebuild(entries);
        ids = entries.Select(e => e.Id).ToList();
        questions = BenchmarkContent.RealQuestions();
        terms = questions.Select(q => index.Analyze(q)).ToList();
    }

    [Benchmark]
    public void CountHit() => counter.Count(ids[next++ % ids.Count]);

    /// <summary>The bot's way: from the terms its answer selection already has.</summary>
    [Benchmark]
    public string GroupKeyFromAnswerTerms()
    {
        var i = next++ % questions.Count;
        return UnansweredGroupKey.Of(terms[i], questions[i]);
    }

    /// <summary>The fallback for a question holding personal data: the masked text analysed again.</summary>
    [Benchmark]
    public string GroupKeyByAnalysis() => UnansweredGroupKey.Of(index, BenchmarkContent.AsNew(questions[next++ % questions.Count], next));

    [GlobalCleanup]
    public void Cleanup() => index.Dispose();
}
