using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public Task Waterfall_EveryStepAnswered_EndsWithWhatTheStepsCollected() =>
        CreateFlow(BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("11804").AssertReply("完成：县人民医院/11804")
            .StartTestAsync();

    [Fact]
    public Task Waterfall_StartedWithKnownState_NextSkipsTheQuestion() =>
        CreateFlow(
            new WaterfallDialog<NoState>("start", [(step, ct) => step.BeginDialogAsync("bill", new BillState { Hospital = "镇卫生院" }, ct)]),
            BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("住院总费用是多少元？")
            .Send("2400").AssertReply("完成：镇卫生院/2400")
            .StartTestAsync();

    [Fact]
    public Task Waterfall_StepEndsEarly_LaterStepsDoNotRun() =>
        CreateFlow(
            new WaterfallDialog<NoState>("admitted",
            [
                (step, ct) => step.PromptAsync("confirm", new PromptOptions("您这次住院了吗？"), ct),
                (step, ct) => step.Result is false ? step.EndDialogAsync("门诊", ct) : step.PromptAsync("text", new PromptOptions("在哪家医院？"), ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]),
            new ConfirmPrompt("confirm"), new TextPrompt("text"))
            .Send("你好").AssertReply("您这次住院了吗？\n1. 是\n2. 否")
            .Send("不是").AssertReply("完成：门诊")
            .StartTestAsync();

    [Fact]
    public Task Waterfall_StepWaitsWithoutPrompt_NextStepGetsTheMessageText() =>
        CreateFlow(new WaterfallDialog<NoState>("echo",
            [
                async (step, ct) =>
                {
                    await step.Context.SendTextAsync("请说出您的问题。", ct);
                    return Dialog.EndOfTurn;
                },
                (step, ct) => step.EndDialogAsync($"收到：{step.Result}", ct),
            ]))
            .Send("你好").AssertReply("请说出您的问题。")
            .Send("住院要交押金吗").AssertReply("完成：收到：住院要交押金吗")
            .StartTestAsync();

    [Fact]
    public Task Waterfall_LastStepMovesOn_EndsWithItsResult() =>
        CreateFlow(new WaterfallDialog<NoState>("one", [(step, ct) => step.NextAsync("先诊疗后付费", ct)]))
            .Send("你好").AssertReply("完成：先诊疗后付费")
            .StartTestAsync();

    [Fact]
    public async Task Waterfall_StepWaiting_StoresTypedStateAndStepIndex()
    {
        var storage = new MemoryStorage();
        await CreateFlow(storage, BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .StartTestAsync();

        var stored = await storage.ReadAsync(["test/conversations/conversation-1"], CancellationToken.None);

        Assert.Contains("""{"Id":"bill","State":{"StepIndex":1,"State":{"Hospital":"县人民医院","Total":null}}}""", stored.Single().Value.Json);
    }

    [Fact]
    public async Task Waterfall_StepHandsOnTwice_IsABug()
    {
        var flow = CreateFlow(new WaterfallDialog<NoState>("twice",
            [
                async (step, ct) =>
                {
                    await step.NextAsync(null, ct);
                    return await step.EndDialogAsync(null, ct);
                },
                (step, ct) => Task.FromResult(Dialog.EndOfTurn),
            ])).Send("你好");

        await Assert.ThrowsAsync<InvalidOperationException>(flow.StartTestAsync);
    }

    [Fact]
    public async Task Waterfall_StateSetAfterPrompting_IsABug()
    {
        var flow = CreateFlow(
            new WaterfallDialog<BillState>("late",
            [
                async (step, ct) =>
                {
                    var result = await step.PromptAsync("text", new PromptOptions("您在哪家医院住院？"), ct);
                    step.State = step.State with { Hospital = "太晚了" };
                    return result;
                },
            ]),
            new TextPrompt("text")).Send("你好");

        await Assert.ThrowsAsync<InvalidOperationException>(flow.StartTestAsync);
    }

    [Fact]
    public async Task Waterfall_StartedWithOptionsOfAnotherType_IsABug()
    {
        var flow = CreateFlow(
            new WaterfallDialog<NoState>("start", [(step, ct) => step.BeginDialogAsync("bill", "县人民医院", ct)]),
            BillDialog()).Send("你好");

        await Assert.ThrowsAsync<ArgumentException>(flow.StartTestAsync);
    }
}
