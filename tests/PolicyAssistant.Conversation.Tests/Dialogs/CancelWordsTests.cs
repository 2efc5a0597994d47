using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs;

public sealed class CancelWordsTests
{
    [Theory]
    [InlineData("取消")]
    [InlineData("退出")]
    [InlineData("算了")]
    [InlineData("算了吧")]
    [InlineData(" 取消。")]
    [InlineData("不办了")]
    [InlineData("ＥＸＩＴ")]
    public void IsCancel_CancelWord_True(string text) => Assert.True(CancelWords.IsCancel(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("我不想取消")]
    [InlineData("取消了吗")]
    [InlineData("退出医保怎么办")]
    [InlineData("算")]
    public void IsCancel_AnythingElse_False(string? text) => Assert.False(CancelWords.IsCancel(text));

    [Fact]
    public Task Bot_CancelWordAtAPrompt_EndsTheDialogAndStartsAfreshAfter() =>
        CreatePromptFlow(new NumberPrompt<decimal>("number"), new PromptOptions("请问住院总费用是多少元？"))
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send("退出").AssertReply(DialogTestBot.CancelledReply)
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send("5000").AssertReply("完成：5000")
            .StartTestAsync();
}
