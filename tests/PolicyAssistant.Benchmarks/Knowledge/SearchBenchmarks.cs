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

    private KnowledgeIndex index = null!;
    private AnswerSelector selector = null!;
    private IReadOnlyList<string> questions = [];
    private int next;

    [Params(0, 10_000)]
    public int SyntheticEntries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        index = new KnowledgeIndex(BenchmarkContent.Vocabulary());
        index.Rebuild([.. BenchmarkContent.RealEntries(), .. BenchmarkContent.SyntheticEntries(SyntheticEntries)]);
        selector = new AnswerSelector(index, new AnswerOptions());
        questions = BenchmarkContent.RealQuestions();
    }

    [Benchmark]
    public Answer Select()
    {
        next++;
        return selector.Select(BenchmarkContent.AsNew(questions[next % questions.Count], next), Context);
    }

    [Benchmark]
    public Answer SelectAskedBefore() => selector.Select(questions[next++ % questions.Count], Context);

    [GlobalCleanup]
    public void Cleanup() => index.Dispose();
}
