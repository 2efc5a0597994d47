using System.Text.RegularExpressions;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Content;
using PolicyAssistant.Testing;
using Xunit.Abstractions;

namespace PolicyAssistant.Web.Tests.Quality;

/// <summary>
/// The dev set measures the product only while neither the content nor our own tests hold its questions: no question
/// variant of an entry, no question of our own question files and no question written into test code may be a copy or
/// a close paraphrase of a dev question.
/// </summary>
public sealed partial class ContentIndependenceTests(ITestOutputHelper output)
{
    /// <summary>Dice over character pairs: a shared phrase such as 兜底管不管 scores well below it; a copy with a word changed scores above.</summary>
    private const double CloseParaphrase = 0.6;

    [Fact]
    public void NoQuestionVariant_IsACloseParaphraseOfADevQuestion()
    {
        var variants = KnowledgeFileReader.ReadDirectory(Path.Combine(RepositoryPaths.Content, "knowledge")).Entries
            .SelectMany(entry => entry.Questions.Select(variant => (Where: entry.Id, Text: variant)))
            .ToList();

        AssertNoneCopiesADevQuestion("variants", variants);
    }

    /// <summary>The question files of the tests (own suite, calibration sets, routing pairs): every cell holding Chinese.</summary>
    [Fact]
    public void NoQuestionOfTheTestFiles_IsACloseParaphraseOfADevQuestion()
    {
        var questions = TestLines("*.tsv")
            .Where(line => !line.Text.StartsWith('#'))
            .SelectMany(line => line.Text.Split('\t').Where(HoldsChinese).Select(cell => (line.Where, Text: cell)))
            .ToList();

        AssertNoneCopiesADevQuestion("test questions", questions);
    }

    /// <summary>
    /// Questions written into test code: every string literal holding Chinese and at least seven letters (a policy's
    /// name alone, 先诊疗后付费, is shorter and shares its pairs with any question about that policy).
    /// </summary>
    [Fact]
    public void NoQuestionOfTheTestCode_IsACloseParaphraseOfADevQuestion()
    {
        var questions = TestLines("*.cs")
            .SelectMany(line => StringLiteral().Matches(line.Text).Select(match => (line.Where, Text: match.Groups[1].Value)))
            .Where(literal => HoldsChinese(literal.Text) && CharacterPairs.Letters(TextFolding.Fold(literal.Text)).Length >= 7)
            .ToList();

        AssertNoneCopiesADevQuestion("test strings", questions);
    }

    private static IEnumerable<(string Where, string Text)> TestLines(string pattern)
    {
        var tests = Path.Combine(RepositoryPaths.Root, "tests");
        string[] built = [$"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"];
        return Directory.EnumerateFiles(tests, pattern, SearchOption.AllDirectories)
            .Where(file => !built.Any(folder => file.Contains(folder, StringComparison.Ordinal)))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (Where: $"{Path.GetRelativePath(tests, file)}:{i + 1}", Text: line)));
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    private void AssertNoneCopiesADevQuestion(string what, IReadOnlyList<(string Where, string Text)> questions)
    {
        var dev = DevSetScorer.Questions().Select(q => (q.Id, Pairs: Pairs(q.Text))).ToList();
        var closest = questions
            .Select(q => (q.Where, q.Text, Pairs: Pairs(q.Text)))
            .Select(q => (q.Where, q.Text, Dev: dev.Select(d => (d.Id, Dice: CharacterPairs.Dice(q.Pairs, d.Pairs))).MaxBy(d => d.Dice)))
            .OrderByDescending(q => q.Dev.Dice)
            .ToList();
        output.WriteLine($"{questions.Count} {what} against {dev.Count} dev questions; the closest:");
        foreach (var (where, text, (devId, dice)) in closest.Take(10))
        {
            output.WriteLine($"{dice:F2} {where}: {text} ~ {devId}");
        }

        var copies = closest.Where(q => q.Dev.Dice >= CloseParaphrase).Select(q => $"{q.Where}: {q.Text} ~ {q.Dev.Id}").ToList();
        Assert.True(copies.Count == 0, $"{copies.Count} {what} copy a dev question: {string.Join("; ", copies)}");
    }

    private static bool HoldsChinese(string cell) => cell.Any(Pinyin.IsHanzi);

    private static HashSet<string> Pairs(string text) => CharacterPairs.Of(TextFolding.Fold(text));
}
