using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Content;
using PolicyAssistant.Testing;
using Xunit.Abstractions;

namespace PolicyAssistant.Web.Tests.Quality;

/// <summary>
/// The dev set measures the product only while the content does not hold its questions: no question variant of an
/// entry may be a copy or a close paraphrase of a dev question.
/// </summary>
public sealed class ContentIndependenceTests(ITestOutputHelper output)
{
    /// <summary>Dice over character pairs: a shared phrase such as 兜底管不管 scores well below it; a copy with a word changed scores above.</summary>
    private const double CloseParaphrase = 0.6;

    [Fact]
    public void NoQuestionVariant_IsACloseParaphraseOfADevQuestion()
    {
        var dev = DevSetScorer.Questions().Select(q => (q.Id, Pairs: Pairs(q.Text))).ToList();
        var variants = KnowledgeFileReader.ReadDirectory(Path.Combine(RepositoryPaths.Content, "knowledge")).Entries
            .SelectMany(entry => entry.Questions.Select(variant => (entry.Id, Variant: variant, Pairs: Pairs(variant))))
            .ToList();
        var closest = variants
            .Select(v => (v.Id, v.Variant, Dev: dev.Select(d => (d.Id, Dice: CharacterPairs.Dice(v.Pairs, d.Pairs))).MaxBy(d => d.Dice)))
            .OrderByDescending(v => v.Dev.Dice)
            .ToList();
        output.WriteLine($"{variants.Count} variants against {dev.Count} dev questions; the closest:");
        foreach (var (id, variant, (devId, dice)) in closest.Take(10))
        {
            output.WriteLine($"{dice:F2} {id}: {variant} ~ {devId}");
        }

        var copies = closest.Where(v => v.Dev.Dice >= CloseParaphrase).Select(v => $"{v.Id}: {v.Variant} ~ {v.Dev.Id}").ToList();
        Assert.True(copies.Count == 0, $"{copies.Count} variants copy a dev question: {string.Join("; ", copies)}");
    }

    private static HashSet<string> Pairs(string text) => CharacterPairs.Of(TextFolding.Fold(text));
}
