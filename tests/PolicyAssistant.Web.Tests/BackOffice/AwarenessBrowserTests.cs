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
        var demo = DemoDataSet.Read(Path.Combine(RepositoryPaths.Content, "demo", "demo-data.json"));
        var household = demo.Households.First(h => h.IsRegisteredPoor && h.Members.Any(m => m.RelationToHead == RelationToHead.Self && m.Phone is not null));
        var head = household.Members.First(m => m.RelationToHead == RelationToHead.Self);
        var village = demo.Regions.Single(r => r.Code == household.VillageCode).Name;
        var quizId = await AddOpenQuizAsync(product);
        browser.SignIn();

        browser.GoTo($"/Admin/Awareness/Results/{quizId}");
        var before = RateOf(browser, village);
        await ChatClient.AskAsync(product, "quiz-browser", "绑定");
        await ChatClient.AskAsync(product, "quiz-browser", head.Name);
        await ChatClient.AskAsync(product, "quiz-browser", head.IdNumber);
        await ChatClient.AskAsync(product, "quiz-browser", await HouseholdChatTests.WaitForCodeAsync(product, head.Phone!));
        foreach (var answer in new[] { "答题", "2", "２", "1" })
        {
            await ChatClient.AskAsync(product, "quiz-browser", answer);
        }

        browser.GoTo($"/Admin/Awareness/Results/{quizId}");

        Assert.Equal(("无数据", "100.0%"), (before, RateOf(browser, village)));
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
