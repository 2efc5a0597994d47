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
    private readonly KnowledgeEntryHitCounter _counter = new(TimeProvider.System);
    private KnowledgeIndex _index = null!;
    private IReadOnlyList<string> _ids = [];
    private IReadOnlyList<string> _questions = [];
    private IReadOnlyList<IReadOnlyList<string>> _terms = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var entries = BenchmarkContent.RealEntries();
        _index = new KnowledgeIndex(BenchmarkContent.Vocabulary());
        _index.Rebuild(entries);
        _ids = entries.Select(e => e.Id).ToList();
        _questions = BenchmarkContent.RealQuestions();
        _terms = _questions.Select(q => _index.Analyze(q)).ToList();
    }

    [Benchmark]
    public void CountHit() => _counter.Count(_ids[_next++ % _ids.Count]);

    /// <summary>The bot's way: from the terms its answer selection already has.</summary>
    [Benchmark]
    public string GroupKeyFromAnswerTerms()
    {
        var i = _next++ % _questions.Count;
        return UnansweredGroupKey.Of(_terms[i], _questions[i]);
    }

    /// <summary>The fallback for a question holding personal data: the masked text analysed again.</summary>
    [Benchmark]
    public string GroupKeyByAnalysis() => UnansweredGroupKey.Of(_index, BenchmarkContent.AsNew(_questions[_next++ % _questions.Count], _next));

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();
}
