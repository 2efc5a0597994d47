using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Awareness;

namespace PolicyAssistant.Application.Tests.Awareness;

public sealed class QuizDialogTests
{
    [Fact]
    public async Task Quiz_AnsweredByNumbers_StoresTheHouseholdsAttemptAndShowsTheScore()
    {
        await using var host = await AssistantHost.StartAsync();
        var quizId = await AddOpenQuizAsync(host);
        var person = Demo.HeadWithPhone(_ => true);
        var user = await host.BindAsync("quiz-numbers", person);

        Assert.Contains("第1题（共3题）：贫困户在县域内住院要交押金吗？\n1. 要交\n2. 不用交", await user.SayAsync("答题"));
        Assert.StartsWith("第2题（共3题）", await user.SayAsync("2"));
        Assert.StartsWith("第3题（共3题）", await user.SayAsync("１"));
        var result = await user.SayAsync("1");

        Assert.StartsWith("答完了！3道题答对2道。\n第2题正确答案：2. 10%", result);
        var attempt = Assert.Single(await AttemptsAsync(host));
        var (memberId, householdId) = await host.IdsOfAsync(person);
        Assert.Equal((quizId, householdId, memberId, "2,1,1", 2, false), (attempt.QuizId, attempt.HouseholdId, attempt.MemberId, string.Join(",", attempt.Answers), attempt.CorrectCount, attempt.AllCorrect));
    }

    [Theory]
    [InlineData("２")]
    [InlineData("贰")]
    [InlineData("貳")]
    [InlineData("二")]
    [InlineData("选2")]
    [InlineData("第二个")]
    [InlineData("2。")]
    public async Task Quiz_TraditionalFullWidthAndChineseDigits_AreReadAsTheNumber(string answer)
    {
        await using var host = await AssistantHost.StartAsync();
        await AddOpenQuizAsync(host);
        var user = await host.BindAsync("quiz-digits", Demo.HeadWithPhone(_ => true));
        await user.SayAsync("问卷");

        Assert.StartsWith("第2题（共3题）", await user.SayAsync(answer));
    }

    [Theory]
    [InlineData("不知道")]
    [InlineData("5")]
    [InlineData("12")]
    public async Task Quiz_AnswerThatIsNoChoiceNumber_GetsAChineseHintAndTheSameQuestionStays(string answer)
    {
        await using var host = await AssistantHost.StartAsync();
        await AddOpenQuizAsync(host);
        var user = await host.BindAsync("quiz-hint", Demo.HeadWithPhone(_ => true));
        await user.SayAsync("答题");

        Assert.Equal("请回复选项前的数字（1到2），比如“1”。不想答了，回复“取消”。", await user.SayAsync(answer));
        Assert.StartsWith("第2题（共3题）", await user.SayAsync("2"));
    }

    [Fact]
    public async Task Quiz_HouseholdAlreadyAnswered_IsNotAskedAgain()
    {
        await using var host = await AssistantHost.StartAsync();
        await AddOpenQuizAsync(host);
        var user = await host.BindAsync("quiz-twice", Demo.HeadWithPhone(_ => true));
        foreach (var answer in new[] { "答题", "2", "2", "1" })
        {
            await user.SayAsync(answer);
        }

        Assert.Equal("您家已经答过《健康扶贫政策小问卷》了，每户只算第一次作答。谢谢参与！", await user.SayAsync("答题"));
        Assert.True(Assert.Single(await AttemptsAsync(host)).AllCorrect);
    }

    [Fact]
    public async Task Quiz_UnboundUser_IsAskedToBindFirst()
    {
        await using var host = await AssistantHost.StartAsync();
        await AddOpenQuizAsync(host);

        Assert.Equal(QuizIntent.NotBoundText, await host.User("quiz-unbound").SayAsync("答题"));
    }

    [Fact]
    public async Task Quiz_NoneOpen_SaysSo()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("quiz-none", Demo.HeadWithPhone(_ => true));

        Assert.Equal(QuizIntent.NoQuizText, await user.SayAsync("答题"));
    }

    /// <summary>Three questions whose right answers are 2, 2, 1; open from 2019-10-01 (the host's clock is 2019-10-20).</summary>
    public static async Task<int> AddOpenQuizAsync(AssistantHost host, DateOnly? opensOn = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<EditQuizCommand>().SaveAsync(null, SampleQuiz(opensOn ?? new DateOnly(2019, 10, 1)), CancellationToken.None);
        return Assert.IsType<QuizEditResult.Saved>(result).QuizId;
    }

    public static QuizDraft SampleQuiz(DateOnly? opensOn) => new("健康扶贫政策小问卷", null, opensOn, null,
    [
        new QuizQuestionDraft("贫困户在县域内住院要交押金吗？", ["要交", "不用交"], 2),
        new QuizQuestionDraft("经过各项报销和兜底，贫困户住院个人自付最多占总费用的多少？", ["50%", "10%", "100%"], 2),
        new QuizQuestionDraft("家庭医生签约服务要交钱吗？", ["贫困户免费", "每年交500元", "每次看病交"], 1),
    ]);

    private static async Task<List<QuizAttempt>> AttemptsAsync(AssistantHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<QuizAttempt>().AsNoTracking().ToListAsync();
    }
}
