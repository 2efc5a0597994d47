using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs.Prompts;

public sealed class NaughtyStringTests
{
    public static TheoryData<string> Printable => NaughtyStrings.Theory(NaughtyStrings.Printable);

    public static TheoryData<string> Blank => NaughtyStrings.Theory(NaughtyStrings.Blank);

    public static TheoryData<string, string> UnrecognisableByEachPrompt
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var prompt in new[] { "number", "choice", "confirm" })
            {
                foreach (var text in NaughtyStrings.Unrecognisable)
                {
                    data.Add(prompt, text);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Printable))]
    public Task TextPrompt_PrintableNaughtyString_KeptExactlyAcrossTurns(string naughty) =>
        CreateFlow(
            new WaterfallDialog<Question>("question",
            [
                (step, ct) => step.PromptAsync("text", new PromptOptions("请描述您的问题："), ct),
                (step, ct) =>
                {
                    step.State = new Question { Text = (string)step.Result! };
                    return step.PromptAsync("confirm", new PromptOptions("确认提交吗？"), ct);
                },
                (step, ct) => step.EndDialogAsync(step.State.Text, ct),
            ]),
            new TextPrompt("text"), new ConfirmPrompt("confirm"))
            .Send("你好").AssertReply("请描述您的问题：")
            .Send(naughty).AssertReply("确认提交吗？\n1. 是\n2. 否")
            .Send("是").AssertReply($"完成：{naughty}")
            .StartTestAsync();

    [Theory]
    [MemberData(nameof(Blank))]
    public Task TextPrompt_BlankNaughtyString_AsksAgain(string naughty) =>
        CreatePromptFlow(new TextPrompt("text"), new PromptOptions("请描述您的问题："))
            .Send("你好").AssertReply("请描述您的问题：")
            .Send(naughty).AssertReply("请描述您的问题：")
            .StartTestAsync();

    [Fact]
    public Task TextPrompt_ControlCharactersAroundText_AreRemoved() =>
        CreatePromptFlow(new TextPrompt("text"), new PromptOptions("请描述您的问题："))
            .Send("你好").AssertReply("请描述您的问题：")
            .Send("\0\u0007住院\u001b押金\u007f").AssertReply("完成：住院押金")
            .StartTestAsync();

    [Theory]
    [MemberData(nameof(UnrecognisableByEachPrompt))]
    public Task Prompt_NaughtyString_AsksAgainWithoutFailing(string promptId, string naughty) =>
        CreatePromptFlow(CreatePrompt(promptId), new PromptOptions("请回答：", "没有听懂，请再回答一次：", ["住院报销", "门诊慢病"]))
            .Send("你好").AssertReply(reply => Assert.StartsWith("请回答：", reply.Text))
            .Send(naughty).AssertReply(reply => Assert.StartsWith("没有听懂，请再回答一次：", reply.Text))
            .StartTestAsync();

    [Fact]
    public async Task TextPrompt_LoneSurrogate_IsStoredAsReplacementCharacter()
    {
        var storage = new MemoryStorage();
        await CreateFlow(
                storage,
                new WaterfallDialog<Question>("question",
                [
                    (step, ct) => step.PromptAsync("text", new PromptOptions("请描述您的问题："), ct),
                    (step, ct) =>
                    {
                        step.State = new Question { Text = (string)step.Result! };
                        return step.PromptAsync("text", new PromptOptions("还有吗？"), ct);
                    },
                ]),
                new TextPrompt("text"))
            .Send("你好").AssertReply("请描述您的问题：")
            .Send("押金\uD83D").AssertReply("还有吗？")
            .StartTestAsync();

        var stored = await storage.ReadAsync(["test/conversations/conversation-1"], CancellationToken.None);

        Assert.Contains("押金\uFFFD", stored.Single().Value.Json);
    }

    private static Dialog CreatePrompt(string id) => id switch
    {
        "number" => new NumberPrompt<decimal>(id),
        "choice" => new ChoicePrompt(id),
        _ => new ConfirmPrompt(id),
    };

    private sealed record Question
    {
        public string Text { get; init; } = "";
    }
}
