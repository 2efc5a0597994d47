namespace PolicyAssistant.Web.Tests.Chat;

/// <summary>
/// When the bot is sure one of its two best entries answers but not which, it answers with both, each under its
/// number, and the number brings that entry's full text. The thresholds are set so every policy question is such a case.
/// </summary>
public sealed class EitherOfTwoAnswerTests : IDisposable
{
    private const string Question = "兜底补助咋算的";

    private readonly ProductFactory _product = new(settings: new Dictionary<string, string?>
    {
        ["Answers:ConfidentThreshold"] = "1.01",
        ["Answers:EitherOfTwoThreshold"] = "0",
    });

    [Fact]
    public async Task PostMessage_SureOfOneOfTwo_IsAConfidentAnswerCitingBoth()
    {
        var response = await ChatClient.AskAsync(_product, "pair-user", Question);

        Assert.Equal(("answer", true, 2), (response.Kind, response.Confident, response.Sources.Count));
    }

    [Fact]
    public async Task PostMessage_TwoAfterAnAnswerOfTwo_SendsTheSecondEntrysFullText()
    {
        var pair = await ChatClient.AskAsync(_product, "pair-full-text-user", Question);

        var response = await ChatClient.AskAsync(_product, "pair-full-text-user", "2");

        Assert.StartsWith(pair.Sources[1].Title, response.Reply);
    }

    public void Dispose() => _product.Dispose();
}
