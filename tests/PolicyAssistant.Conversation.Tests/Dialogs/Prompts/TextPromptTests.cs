using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs.Prompts;

public sealed class TextPromptTests
{
    private static readonly PromptOptions AskName = new("请输入户主姓名：", "姓名不能为空，请重新输入户主姓名：");

    [Fact]
    public Task Prompt_Answered_EndsWithTheText() =>
        CreatePromptFlow(new TextPrompt("text"), AskName)
            .Send("你好").AssertReply("请输入户主姓名：")
            .Send("  王秀英 ").AssertReply("完成：王秀英")
            .StartTestAsync();

    [Fact]
    public Task Prompt_BlankAnswer_AsksTheRetryPrompt() =>
        CreatePromptFlow(new TextPrompt("text"), AskName)
            .Send("你好").AssertReply("请输入户主姓名：")
            .Send("   ").AssertReply("姓名不能为空，请重新输入户主姓名：")
            .Send("王秀英").AssertReply("完成：王秀英")
            .StartTestAsync();

    [Fact]
    public Task Prompt_NoRetryPrompt_AsksTheQuestionAgain() =>
        CreatePromptFlow(new TextPrompt("text"), new PromptOptions("请描述您的问题："))
            .Send("你好").AssertReply("请描述您的问题：")
            .Send("").AssertReply("请描述您的问题：")
            .StartTestAsync();

    [Fact]
    public Task Prompt_ValidatorRejects_AsksAgainUntilValid() =>
        CreatePromptFlow(new TextPrompt("text", (context, _) => Task.FromResult(context.Recognized.Value.Length is >= 2 and <= 4)), AskName)
            .Send("你好").AssertReply("请输入户主姓名：")
            .Send("王").AssertReply("姓名不能为空，请重新输入户主姓名：")
            .Send("王秀英").AssertReply("完成：王秀英")
            .StartTestAsync();

    [Fact]
    public Task Prompt_ValidatorReplies_ItsReplyReplacesTheRetryPrompt()
    {
        PromptValidator<string> validator = async (context, ct) =>
        {
            if (context.Recognized.Value.Length <= 4)
            {
                return true;
            }

            await context.Context.SendActivityAsync(context.Context.Activity.CreateReply($"姓名最多4个字（第{context.AttemptCount}次）。"), ct);
            return false;
        };

        return CreatePromptFlow(new TextPrompt("text", validator), AskName)
            .Send("你好").AssertReply("请输入户主姓名：")
            .Send("王秀英王秀英").AssertReply("姓名最多4个字（第1次）。")
            .Send("王秀英王秀英").AssertReply("姓名最多4个字（第2次）。")
            .Send("王秀英").AssertReply("完成：王秀英")
            .StartTestAsync();
    }

    [Fact]
    public Task Prompt_MaxRetriesExceeded_CancelsInsteadOfLooping() =>
        CreatePromptFlow(new TextPrompt("text") { MaxRetries = 2 }, AskName)
            .Send("你好").AssertReply("请输入户主姓名：")
            .Send(" ").AssertReply("姓名不能为空，请重新输入户主姓名：")
            .Send(" ").AssertReply("姓名不能为空，请重新输入户主姓名：")
            .Send(" ").AssertReply(DialogTestBot.CancelledReply)
            .Send("你好").AssertReply("请输入户主姓名：")
            .StartTestAsync();

    [Fact]
    public Task Prompt_EventWhileWaiting_StillWaits() =>
        CreatePromptFlow(new TextPrompt("text"), AskName)
            .Send("你好").AssertReply("请输入户主姓名：")
            .Send(new Activity
            {
                Type = ActivityTypes.Event,
                Name = "click",
                ChannelId = TestFlow.ChannelId,
                ConversationId = TestFlow.ConversationId,
                From = TestFlow.User,
                Recipient = TestFlow.Bot,
            }).AssertNoReply()
            .Send("王秀英").AssertReply("完成：王秀英")
            .StartTestAsync();
}
