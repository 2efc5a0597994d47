using PolicyAssistant.Application.Tests.Support;

namespace PolicyAssistant.Application.Tests.Awareness;

public sealed class QuizOfferTests
{
    /// <summary>A question written for an entry, asked as written: confident whatever the ranking, so only the offer is under test.</summary>
    private const string PolicyQuestion = "住院要交押金吗";

    private const string Offer = "政策小问卷《健康扶贫政策小问卷》开始了，3道题，回复数字就能答。参加请回复：答题";

    [Fact]
    public async Task ConfidentPolicyAnswer_ToABoundHousehold_CarriesTheOpenQuizOnce()
    {
        await using var host = await AssistantHost.StartAsync();
        await QuizDialogTests.AddOpenQuizAsync(host);
        var user = await host.BindAsync("offer-once", Demo.HeadWithPhone(_ => true));

        var first = await user.SayAsync(PolicyQuestion);
        var second = await user.SayAsync(PolicyQuestion);

        Assert.Equal((true, false), (first.EndsWith(Offer, StringComparison.Ordinal), second.Contains(Offer, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Menu_DoesNotSpendTheOffer_TheNextConfidentAnswerCarriesIt()
    {
        await using var host = await AssistantHost.StartAsync();
        await QuizDialogTests.AddOpenQuizAsync(host);
        var user = await host.BindAsync("offer-after-menu", Demo.HeadWithPhone(_ => true));

        var menu = await user.SayAsync("报销");
        var answer = await user.SayAsync(PolicyQuestion);

        Assert.Equal((true, false, true), (menu.Contains("您是不是想问", StringComparison.Ordinal), menu.Contains(Offer, StringComparison.Ordinal), answer.EndsWith(Offer, StringComparison.Ordinal)));
    }
}
