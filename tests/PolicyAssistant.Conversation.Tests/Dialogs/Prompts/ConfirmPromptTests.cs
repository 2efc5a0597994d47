using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs.Prompts;

public sealed class ConfirmPromptTests
{
    private const string Shown = "您是建档立卡贫困户吗？\n1. 是\n2. 否";
    private static readonly PromptOptions AskRegistered = new("您是建档立卡贫困户吗？", "请回复“是”或“否”：");

    [Theory]
    [InlineData("是")]
    [InlineData("是的")]
    [InlineData("对")]
    [InlineData("好的，谢谢")]
    [InlineData("嗯嗯")]
    [InlineData("可以")]
    [InlineData("Yes!")]
    [InlineData("1")]
    [InlineData("１")]
    public Task Prompt_Yes_EndsTrue(string answer) =>
        CreatePromptFlow(new ConfirmPrompt("confirm"), AskRegistered)
            .Send("你好").AssertReply(Shown)
            .Send(answer).AssertReply("完成：是")
            .StartTestAsync();

    [Theory]
    [InlineData("否")]
    [InlineData("不")]
    [InlineData("不是")]
    [InlineData("不是的。")]
    [InlineData("不用了")]
    [InlineData("no")]
    [InlineData("2")]
    public Task Prompt_No_EndsFalse(string answer) =>
        CreatePromptFlow(new ConfirmPrompt("confirm"), AskRegistered)
            .Send("你好").AssertReply(Shown)
            .Send(answer).AssertReply("完成：否")
            .StartTestAsync();

    [Theory]
    [InlineData("是不是要交押金")]
    [InlineData("好不好")]
    [InlineData("3")]
    [InlineData("不知道")]
    public Task Prompt_NeitherYesNorNo_AsksAgain(string answer) =>
        CreatePromptFlow(new ConfirmPrompt("confirm"), AskRegistered)
            .Send("你好").AssertReply(Shown)
            .Send(answer).AssertReply("请回复“是”或“否”：\n1. 是\n2. 否")
            .StartTestAsync();

    [Fact]
    public Task Prompt_MaxRetriesExceeded_Cancels() =>
        CreatePromptFlow(new ConfirmPrompt("confirm") { MaxRetries = 1 }, AskRegistered)
            .Send("你好").AssertReply(Shown)
            .Send("啥").AssertReply("请回复“是”或“否”：\n1. 是\n2. 否")
            .Send("啥").AssertReply(DialogTestBot.CancelledReply)
            .StartTestAsync();
}
