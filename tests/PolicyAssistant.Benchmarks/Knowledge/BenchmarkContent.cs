using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Content;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.Knowledge;

/// <summary>The real content/ folder and questions, and synthetic entries made from their words.</summary>
public static class BenchmarkContent
{
    public static KnowledgeVocabulary Vocabulary() => KnowledgeVocabulary.Load(RepositoryPaths.Content);

    public static IReadOnlyList<KnowledgeEntry> RealEntries() =>
        KnowledgeFileReader.ReadDirectory(Path.Combine(RepositoryPaths.Content, "knowledge")).Entries;

    /// <summary>Every question of the answer-quality set, on-topic and off-topic alike.</summary>
    public static IReadOnlyList<string> RealQuestions() =>
        File.ReadLines(Path.Combine(RepositoryPaths.QuestionFiles, "questions.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length > 1 && columns[1].Length > 0)
            .Select(columns => columns[1])
            .ToList();

    /// <summary>
    /// The question with <paramref name="number"/> written after it in ?s and !s, which the search drops: the
    /// same question to the search, but new text to the index's kept results, so each one is really searched.
    /// </summary>
    public static string AsNew(string question, int number) =>
        question + Convert.ToString(number, 2).Replace('0', '?').Replace('1', '!');

    /// <summary>
    /// Entries shaped like the real ones: titles, questions, tags and sentences drawn from the real
    /// entries and recombined, so term frequencies look like a county's knowledge base grown large.
    /// </summary>
    public static IReadOnlyList<KnowledgeEntry> SyntheticEntries(int count, int seed = 37)
    {
        var real = RealEntries();
        var random = new Random(seed);
        var titles = real.Select(e => e.Title).ToArray();
        var questions = real.SelectMany(e => e.Questions).ToArray();
        var tags = real.SelectMany(e => e.Tags).Distinct().ToArray();
        var sentences = real.SelectMany(e => (e.Summary + e.Body).Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        var regions = new[] { KnowledgeEntry.AllRegions, "450223", "410800", "610822" };
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        string Sentences(int n) => string.Join("。", Enumerable.Range(0, n).Select(_ => Pick(sentences))) + "。";

        return Enumerable.Range(0, count).Select(i => new KnowledgeEntry
        {
            Id = $"synthetic-{i:D5}",
            Kind = EntryKind.Policy,
            Title = $"{Pick(tags)}：{Pick(titles)}",
            Summary = Sentences(2),
            Body = string.Join("\n", Enumerable.Range(0, 6).Select(_ => "- " + Pick(sentences))),
            Questions = Enumerable.Range(0, 5).Select(_ => Pick(questions)).ToList(),
            Tags = Enumerable.Range(0, 3).Select(_ => Pick(tags)).Distinct().ToList(),
            Regions = [Pick(regions)],
            EffectiveFrom = new DateOnly(2018, 7, 20),
            Source = "合成条目（基准测试）",
        }).ToList();
    }
}
