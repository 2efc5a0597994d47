using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Chat;
using PolicyAssistant.Web.Tests.Households;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>A quiz answered in the web chat shows on the back office's awareness page, in a real chromium.</summary>
public sealed class AwarenessBrowserTests
{
    [BrowserFact]
    public async Task QuizAnsweredInTheWebChat_MovesTheVillagesAwarenessRate()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        var (head, village) = RegisteredPoorHead();
        var quizId = await AddOpenQuizAsync(product);
        browser.SignIn();

        browser.GoTo($"/Admin/Awareness/Results/{quizId}");
        var before = RateOf(browser, village);
        await AnswerAllRightAsync(product, head);
        browser.GoTo($"/Admin/Awareness/Results/{quizId}");

        Assert.Equal(("无数据", "100.0%"), (before, RateOf(browser, village)));
    }

    [BrowserFact]
    public async Task QuizAnsweredInTheWebChat_MovesTheVillagesAwarenessRateOnTheDashboard()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        var (head, village) = RegisteredPoorHead();
        await AddOpenQuizAsync(product);
        browser.SignIn();
        var dashboard = $"/Admin/Reports?region={Uri.EscapeDataString(village)}";

        browser.GoTo(dashboard);
        var before = browser.Find("#awareness-figure .rate-answered").Text;
        await AnswerAllRightAsync(product, head);
        browser.GoTo(dashboard);

        Assert.Equal(("无数据", "100.0%"), (before, browser.Find("#awareness-figure .rate-answered").Text));
    }

    /// <summary>The head of a registered poor household of the demo data who has a phone, and their village's name.</summary>
    private static (DemoMember Head, string Village) RegisteredPoorHead()
    {
        var demo = DemoDataSet.Read(Path.Combine(RepositoryPaths.Content, "demo", "demo-data.json"));
        var household = demo.Households.First(h => h.IsRegisteredPoor && h.Members.Any(m => m.RelationToHead == RelationToHead.Self && m.Phone is not null));
        return (household.Members.First(m => m.RelationToHead == RelationToHead.Self), demo.Regions.Single(r => r.Code == household.VillageCode).Name);
    }

    /// <summary>Binds the web chat to the head with the code texted to them, then answers the quiz all right.</summary>
    private static async Task AnswerAllRightAsync(ProductFactory product, DemoMember head)
    {
        await ChatClient.AskAsync(product, "quiz-browser", "绑定");
        await ChatClient.AskAsync(product, "quiz-browser", head.Name);
        await ChatClient.AskAsync(product, "quiz-browser", head.IdNumber);
        await ChatClient.AskAsync(product, "quiz-browser", await HouseholdChatTests.WaitForCodeAsync(product, head.Phone!));
        foreach (var answer in new[] { "答题", "2", "２", "1" })
        {
            await ChatClient.AskAsync(product, "quiz-browser", answer);
        }
    }

    private static string RateOf(Browser browser, string village) =>
        browser.Find($"tr[data-village='{village}'] td.rate-answered").Text;

    /// <summary>Three questions whose right answers are 2, 2, 1, open from today.</summary>
    private static async Task<int> AddOpenQuizAsync(ProductFactory product)
    {
        await using var scope = product.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        var draft = new QuizDraft("健康扶贫政策小问卷", null, today, null,
        [
            new QuizQuestionDraft("贫困户在县域内住院要交押金吗？", ["要交", "不用交"], 2),
            new QuizQuestionDraft("贫困户住院个人自付最多占总费用的多少？", ["50%", "10%"], 2),
            new QuizQuestionDraft("家庭医生签约服务要交钱吗？", ["贫困户免费", "每年交500元"], 1),
        ]);
        var result = await scope.ServiceProvider.GetRequiredService<EditQuizCommand>().SaveAsync(null, draft, CancellationToken.None);
        return Assert.IsType<QuizEditResult.Saved>(result).QuizId;
    }
}
