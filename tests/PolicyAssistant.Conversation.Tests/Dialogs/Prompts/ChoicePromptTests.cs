using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs.Prompts;

public sealed class ChoicePromptTests
{
    private const string Shown = "请选择您要咨询的事项：\n1. 住院报销\n2. 门诊慢病\n3. 家庭医生签约";
    private static readonly PromptOptions AskTopic = new("请选择您要咨询的事项：", Choices: ["住院报销", "门诊慢病", "家庭医生签约"]);

    [Fact]
    public Task Prompt_Begun_ShowsChoicesNumberedAndAsSuggestedReplies() =>
        CreatePromptFlow(new ChoicePrompt("choice"), AskTopic)
            .Send("你好").AssertReply(reply =>
            {
                Assert.Equal(Shown, reply.Text);
                Assert.Equal(["住院报销", "门诊慢病", "家庭医生签约"], reply.SuggestedReplies);
            })
            .StartTestAsync();

    [Theory]
    [InlineData("2", "1:门诊慢病")]
    [InlineData("２、", "1:门诊慢病")]
    [InlineData("门诊慢病", "1:门诊慢病")]
    [InlineData("住院", "0:住院报销")]
    [InlineData("我想问家庭医生签约的事", "2:家庭医生签约")]
    public Task Prompt_AnsweredByNumberOrText_EndsWithTheChoice(string answer, string expected) =>
        CreatePromptFlow(new ChoicePrompt("choice"), AskTopic)
            .Send("你好").AssertReply(Shown)
            .Send(answer).AssertReply($"完成：{expected}")
            .StartTestAsync();

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("住院报销和门诊慢病")]
    [InlineData("医")]
    public Task Prompt_NoSingleChoiceFits_ShowsTheChoicesAgain(string answer) =>
        CreatePromptFlow(new ChoicePrompt("choice"), AskTopic with { RetryPrompt = "没有听懂，请回复序号：" })
            .Send("你好").AssertReply(Shown)
            .Send(answer).AssertReply("没有听懂，请回复序号：\n1. 住院报销\n2. 门诊慢病\n3. 家庭医生签约")
            .StartTestAsync();

    [Fact]
    public Task Prompt_MaxRetriesExceeded_Cancels() =>
        CreatePromptFlow(new ChoicePrompt("choice") { MaxRetries = 0 }, AskTopic)
            .Send("你好").AssertReply(Shown)
            .Send("9").AssertReply(DialogTestBot.CancelledReply)
            .StartTestAsync();

    [Fact]
    public async Task Prompt_WithoutChoices_IsABug()
    {
        var flow = CreatePromptFlow(new ChoicePrompt("choice"), new PromptOptions("请选择："))
            .Send("你好");

        await Assert.ThrowsAsync<ArgumentException>(flow.StartTestAsync);
    }
}
