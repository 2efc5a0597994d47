using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs;

public sealed class DialogContextTests
{
    [Fact]
    public Task ReplaceDialogAsync_FromARootStep_TheReplacementEndsTheTurnAsRoot() =>
        CreateFlow(
            new WaterfallDialog<NoState>("menu",
            [
                (step, ct) => step.ReplaceDialogAsync("bill", null, ct),
                (step, ct) => step.EndDialogAsync("菜单不该继续", ct),
            ]),
            BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("800").AssertReply("完成：县人民医院/800")
            .StartTestAsync();

    [Fact]
    public async Task ContinueDialogAsync_StoredDialogNoLongerExists_StartsAfresh()
    {
        var storage = new MemoryStorage();
        await CreateFlow(storage, BillDialog("old-bill"), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .StartTestAsync();

        await CreateFlow(storage, BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("县人民医院").AssertReply("您在哪家医院住院？")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_StoredStateNoLongerReads_StartsAfresh()
    {
        var storage = new MemoryStorage();
        await CreateFlow(storage, BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .StartTestAsync();

        // The next release changed Hospital from a name to a code.
        var reshaped = new WaterfallDialog<ReshapedBill>("bill", [(step, ct) => step.PromptAsync("text", new PromptOptions("请输入医院编码："), ct)]);
        await CreateFlow(storage, reshaped, new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("3000").AssertReply("请输入医院编码：")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialogAsync_UnknownDialog_IsABug()
    {
        var flow = CreateFlow(new WaterfallDialog<NoState>("start", [(step, ct) => step.BeginDialogAsync("missing", null, ct)])).Send("你好");

        await Assert.ThrowsAsync<InvalidOperationException>(flow.StartTestAsync);
    }

    [Fact]
    public void Add_SameIdTwice_IsABug()
    {
        var dialogs = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("DialogState")).Add(new TextPrompt("text"));

        Assert.Throws<ArgumentException>(() => dialogs.Add(new TextPrompt("text")));
    }

    private sealed record ReshapedBill
    {
        public int Hospital { get; init; }
    }
}
