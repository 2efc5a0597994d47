using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Benchmarks.Knowledge;

/// <summary>A full rebuild of 10,000 entries: what the back office waits for after a vocabulary edit.</summary>
[SimpleJob(RunStrategy.Monitoring, iterationCount: 3, warmupCount: 1)]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<KnowledgeEntry> _entries = [];
    private KnowledgeVocabulary _vocabulary = KnowledgeVocabulary.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _vocabulary = BenchmarkContent.Vocabulary();
        _entries = BenchmarkContent.SyntheticEntries(10_000);
    }

    [Benchmark]
    public int Rebuild()
    {
        using var index = new KnowledgeIndex(_vocabulary);
        index.Rebuild(_entries);
        return index.Count;
    }
}
