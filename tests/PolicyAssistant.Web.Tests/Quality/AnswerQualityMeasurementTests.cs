using System.Net.Http.Json;
using PolicyAssistant.Knowledge.Content;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Chat;
using Xunit.Abstractions;

namespace PolicyAssistant.Web.Tests.Quality;

/// <summary>
/// One run that measures the product and the plain BM25 baseline on the same questions with the same code: the
/// independent dev set (../shared/qa-dev, read only as a measuring instrument, scored with score.py's rules) and our
/// own suite (tests/PolicyAssistant.Knowledge.Tests/AnswerQuality/questions.tsv, by expected entry). The figures are
/// printed so a regression in either shows beside the other. The assertion is the rule the confidence threshold was
/// chosen with (a confidently wrong answer costs five menus), not a figure tuned to the dev set.
/// </summary>
public sealed class AnswerQualityMeasurementTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Kinds = ["faq", "offtopic", "personal", "estimate"];

    /// <summary>The cost rule the confidence threshold is chosen with: a confidently wrong answer costs five menus.</summary>
    private const double WrongAnswerCost = 5;
    // Hundreds of questions from one address in seconds: the measurement is not a flood to throttle.
    private readonly ProductFactory _product = new(settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ProductAndBaseline_OnDevSetAndOwnSuite_ProductIsWorthMoreThanTheBaseline()
    {
        var scorer = DevSetScorer.Load();
        var questions = DevSetScorer.Questions();
        var entries = KnowledgeFileReader.ReadDirectory(Path.Combine(RepositoryPaths.Content, "knowledge")).Entries;
        using var baseline = new Bm25Baseline(entries);

        var product = new List<(DevQuestion Question, DevReply Reply)>();
        foreach (var question in questions)
        {
            var response = await AskAsync($"dev-{question.Id}-{_run}", question.Text);
            product.Add((question, new DevReply(response.Reply, response.Confident)));
        }

        var productFigures = Report("product", scorer, product);
        var shortFigures = Report("baseline (CJKAnalyzer bigrams, BM25, top hit), replying with its summary", scorer, questions.Select(q => (q, baseline.ShortAnswer(q.Text))).ToList());
        var wholeFigures = Report("baseline (CJKAnalyzer bigrams, BM25, top hit), replying with the whole entry", scorer, questions.Select(q => (q, baseline.WholeEntry(q.Text))).ToList());
        output.WriteLine($"faq answered right: product {productFigures.FaqRight:P1}; baseline {shortFigures.FaqRight:P1} (summary), {wholeFigures.FaqRight:P1} (whole entry)");
        output.WriteLine($"value (right - {WrongAnswerCost} x confidently wrong, faq+estimate): product {productFigures.Value:F0}; baseline {shortFigures.Value:F0} (summary), {wholeFigures.Value:F0} (whole entry)");

        await ReportOwnSuiteAsync(baseline);

        Assert.True(
            productFigures.Value > Math.Max(shortFigures.Value, wholeFigures.Value),
            "by the rule its confidence threshold is chosen with, the product is worth less than the baseline");
    }

    public void Dispose() => _product.Dispose();

    private async Task<ChatResponse> AskAsync(string userId, string text)
    {
        using var client = _product.CreateClient();
        var response = await client.PostAsJsonAsync("/api/chat", new ChatRequest(userId, text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatResponse>())!;
    }

    private (double FaqRight, double Value) Report(string name, DevSetScorer scorer, IReadOnlyList<(DevQuestion Question, DevReply Reply)> replies)
    {
        var judged = replies.Select(r => (r.Question, r.Reply, Right: scorer.IsCorrect(r.Question, r.Reply))).ToList();
        output.WriteLine($"dev set, {name}");
        output.WriteLine($"{"kind",-24} {"n",5} {"correct",7} {"accuracy",8}");
        foreach (var kind in Kinds)
        {
            var rows = judged.Where(j => j.Question.Kind == kind).ToList();
            output.WriteLine($"{kind,-24} {rows.Count,5} {rows.Count(r => r.Right),7} {Share(rows.Count(r => r.Right), rows.Count),8}");
        }

        foreach (var kind in Kinds)
        {
            foreach (var script in new[] { "simplified", "traditional" })
            {
                var rows = judged.Where(j => j.Question.Kind == kind && j.Question.Script == script).ToList();
                output.WriteLine($"{kind + "/" + script,-24} {rows.Count,5} {rows.Count(r => r.Right),7} {Share(rows.Count(r => r.Right), rows.Count),8}");
            }
        }

        var answerable = judged.Where(j => j.Question.Kind is "faq" or "estimate").ToList();
        var confidentWrong = answerable.Count(j => !j.Right && j.Reply.Confident);
        output.WriteLine($"confident-wrong (faq+estimate): {confidentWrong} of {answerable.Count} ({Share(confidentWrong, answerable.Count)})");
        output.WriteLine("");
        var faq = judged.Where(j => j.Question.Kind == "faq").ToList();
        return ((double)faq.Count(j => j.Right) / faq.Count, answerable.Count(j => j.Right) - WrongAnswerCost * confidentWrong);
    }

    private async Task ReportOwnSuiteAsync(Bm25Baseline baseline)
    {
        var file = Path.Combine(RepositoryPaths.QuestionFiles, "questions.tsv");
        int onTopic = 0, right = 0, wrong = 0, offTopic = 0, refused = 0, baselineRight = 0;
        foreach (var (question, i) in QuestionFile.Read(file).Select((q, i) => (q, i)))
        {
            var response = await AskAsync($"own-{i}-{_run}", question.Question);
            var answered = response.Confident && response.Kind is "answer" or "smallTalk" || response.Kind == "smallTalk";
            // An answer of two entries is right when either is an expected one.
            var cited = response.Sources.Select(source => source.Id).ToList();
            if (question.IsOffTopic)
            {
                offTopic++;
                refused += response.Confident ? 0 : 1;
                continue;
            }

            onTopic++;
            baselineRight += question.IsAnsweredBy(baseline.Top(question.Question)?.Id) ? 1 : 0;
            if (answered && (cited.Any(question.IsAnsweredBy) || cited.Count == 0 && response.Kind == "smallTalk"))
            {
                right++;
            }
            else if (response.Confident)
            {
                wrong++;
            }
        }

        output.WriteLine($"own suite: {onTopic} policy and small-talk questions, {offTopic} off-topic");
        output.WriteLine($"product: answered right {Share(right, onTopic)} ({right}), confidently wrong {Share(wrong, onTopic)} ({wrong}), off-topic refused {Share(refused, offTopic)}");
        output.WriteLine($"baseline top hit right {Share(baselineRight, onTopic)} ({baselineRight}); off-topic refused 0%");
    }

    private static string Share(int count, int of) => of == 0 ? "-" : $"{100.0 * count / of:F1}%";
}
