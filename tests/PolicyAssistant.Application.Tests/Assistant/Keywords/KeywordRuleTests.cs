using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Assistant.Keywords;
using PolicyAssistant.Application.Tests.Support;

namespace PolicyAssistant.Application.Tests.Assistant.Keywords;

/// <summary>Keyword rules as staff set them, answered by the real bot on every channel before the knowledge base.</summary>
public sealed class KeywordRuleTests : IAsyncLifetime
{
    private AssistantHost _host = null!;

    public async Task InitializeAsync() => _host = await AssistantHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<KeywordRuleResult> SaveAsync(KeywordRuleInput input, int? id = null)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EditKeywordRulesCommand>().SaveAsync(id, input, CancellationToken.None);
    }

    private async Task MoveAsync(int id, MoveDirection direction)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EditKeywordRulesCommand>().MoveAsync(id, direction, CancellationToken.None);
    }

    [Fact]
    public async Task ExactRule_MessageInTraditionalWithPunctuation_AnswersWithItsText()
    {
        await SaveAsync(new KeywordRuleInput("广播时间", KeywordMatch.Exact, "村广播每周一早上八点播报健康扶贫政策。", null, true));

        var reply = await _host.User("u-exact").SayAsync("廣播時間！");

        Assert.Equal("村广播每周一早上八点播报健康扶贫政策。", reply);
    }

    [Fact]
    public async Task ExactRule_LongerMessage_IsNotMatched()
    {
        await SaveAsync(new KeywordRuleInput("押金", KeywordMatch.Exact, "规则的回复", null, true));

        var reply = await _host.User("u-exact-long").SayAsync("住院要交押金吗");

        Assert.DoesNotContain("规则的回复", reply);
    }

    [Fact]
    public async Task ContainsRule_AnswersBeforeTheKnowledgeBase_OnTheSmsChannelToo()
    {
        await SaveAsync(new KeywordRuleInput("押金", KeywordMatch.Contains, "押金的事请看村卫生室的公告。", null, true));

        var reply = await _host.User("13800000000", "sms").SayAsync("住院要交押金吗");

        Assert.Equal("押金的事请看村卫生室的公告。", reply);
    }

    [Fact]
    public async Task EntryRule_AnswersWithTheEntrysShortAnswer()
    {
        await SaveAsync(new KeywordRuleInput("电话多少", KeywordMatch.Contains, null, "hotline", true));

        var reply = await _host.User("u-entry").SayAsync("你们电话多少");

        Assert.Contains("12393", reply);
    }

    [Fact]
    public async Task DisabledRule_IsNotTried()
    {
        await SaveAsync(new KeywordRuleInput("押金", KeywordMatch.Contains, "停用规则的回复", null, Enabled: false));

        var reply = await _host.User("u-disabled").SayAsync("住院要交押金吗");

        Assert.DoesNotContain("停用规则的回复", reply);
    }

    [Fact]
    public async Task Move_SecondRuleUp_AnswersInsteadOfTheFirst()
    {
        await SaveAsync(new KeywordRuleInput("报销", KeywordMatch.Contains, "第一条", null, true));
        var second = (KeywordRuleResult.Saved)await SaveAsync(new KeywordRuleInput("住院", KeywordMatch.Contains, "第二条", null, true));

        await MoveAsync(second.Id, MoveDirection.Up);

        Assert.Equal("第二条", await _host.User("u-order").SayAsync("住院报销多少"));
    }

    [Fact]
    public async Task Edit_ChangedReply_IsAnsweredOnTheNextMessage()
    {
        var saved = (KeywordRuleResult.Saved)await SaveAsync(new KeywordRuleInput("开会", KeywordMatch.Exact, "旧的回复", null, true));
        await _host.User("u-edit").SayAsync("开会");

        await SaveAsync(new KeywordRuleInput("开会", KeywordMatch.Exact, "新的回复", null, true), saved.Id);

        Assert.Equal("新的回复", await _host.User("u-edit").SayAsync("开会"));
    }

    [Theory]
    [InlineData("押金", null, null)]
    [InlineData("押金", "文字", "hotline")]
    [InlineData("！！", "文字", null)]
    [InlineData("押金", null, "no-such-entry")]
    public async Task Save_InvalidRule_IsRefusedInChinese(string keyword, string? text, string? entryId)
    {
        var result = await SaveAsync(new KeywordRuleInput(keyword, KeywordMatch.Contains, text, entryId, true));

        var invalid = Assert.IsType<KeywordRuleResult.Invalid>(result);
        Assert.Matches("[\u4e00-\u9fff]", Assert.Single(invalid.Errors));
    }
}
