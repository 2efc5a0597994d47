using PolicyAssistant.Domain.Text;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Chat;

/// <summary>
/// A household typing in Traditional characters is answered exactly as one typing the same words in Simplified: no
/// step of a turn (intents, the estimate's reading of the bill, the search, the reply) may look at the text before it
/// is folded. Checked through /api/chat on every Traditional question of our own question files.
/// </summary>
public sealed class TraditionalQuestionTests : IDisposable
{
    // Several hundred questions from one address in seconds: not a flood to throttle.
    private readonly ProductFactory _product = new(settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });

    [Fact]
    public async Task PostMessage_TraditionalQuestion_GetsTheReplyItsSimplifiedFoldGets()
    {
        var traditional = Directory.GetFiles(RepositoryPaths.QuestionFiles, "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(QuestionFile.Read)
            .Select(q => q.Question)
            .Where(q => q.Any(c => c is >= '\u4E00' and <= '\u9FFF' && TextFolding.Fold(c) != c))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        using var client = _product.CreateClient();
        var differing = new List<string>();
        foreach (var (question, i) in traditional.Select((q, i) => (q, i)))
        {
            // Each question opens its own conversation, so one reply cannot depend on the turn before it.
            var asTyped = await ChatClient.AskAsync(client, $"traditional-{i}", question);
            var folded = await ChatClient.AskAsync(client, $"simplified-{i}", TextFolding.Fold(question));
            if ((asTyped.Kind, asTyped.Confident, asTyped.Reply) != (folded.Kind, folded.Confident, folded.Reply))
            {
                differing.Add(question);
            }
        }

        Assert.True(traditional.Count > 100, $"only {traditional.Count} Traditional questions were found");
        Assert.Empty(differing);
    }

    public void Dispose() => _product.Dispose();
}
