using BenchmarkDotNet.Attributes;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Benchmarks.Knowledge;

/// <summary>
/// One answer selection (analysis, search, confidence) on the real content and on 10,000 entries: of a question
/// the index has not seen, and of one asked before, which the index answers from the results it keeps.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly AnswerContext Context = new(null, new DateOnly(2026, 1, 1));

    private KnowledgeIndex _index = null!;
    private AnswerSelector _selector = null!;
    private IReadOnlyList<string> _questions = [];
    private int _next;

    [Params(0, 10_000)]
    public int SyntheticEntries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new KnowledgeIndex(BenchmarkContent.Vocabulary());
        _index.Rebuild([.. BenchmarkContent.RealEntries(), .. BenchmarkContent.SyntheticEntries(SyntheticEntries)]);
        _selector = new AnswerSelector(_index, new AnswerOptions());
        _questions = BenchmarkContent.RealQuestions();
    }

    [Benchmark]
    public Answer Select()
    {
        _next++;
        return _selector.Select(BenchmarkContent.AsNew(_questions[_next % _questions.Count], _next), Context);
    }

    [Benchmark]
    public Answer SelectAskedBefore() => _selector.Select(_questions[_next++ % _questions.Count], Context);

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();
}
