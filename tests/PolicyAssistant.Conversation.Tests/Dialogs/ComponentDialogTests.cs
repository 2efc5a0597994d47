using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    [Fact]
    public Task Component_AsRoot_RunsItsInnerDialogsAndEndsWithTheirResult() =>
        CreateFlow(new BillComponent())
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("11804").AssertReply("完成：县人民医院/11804")
            .StartTestAsync();

    [Fact]
    public Task Component_InsideAWaterfall_ParentResumesWithItsResult() =>
        CreateFlow(
            new WaterfallDialog<NoState>("consult",
            [
                (step, ct) => step.BeginDialogAsync("bill-component", null, ct),
                (step, ct) => step.PromptAsync("confirm", new PromptOptions($"您填写的是 {step.Result}，对吗？"), ct),
                (step, ct) => step.EndDialogAsync(step.Result is true ? "已确认" : "未确认", ct),
            ]),
            new BillComponent(), new ConfirmPrompt("confirm"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("11804").AssertReply("您填写的是 县人民医院/11804，对吗？\n1. 是\n2. 否")
            .Send("对").AssertReply("完成：已确认")
            .StartTestAsync();

    [Fact]
    public Task Component_InnerPromptGivesUp_CancelsTheOuterDialogsToo() =>
        CreateFlow(
            new WaterfallDialog<NoState>("consult",
            [
                (step, ct) => step.BeginDialogAsync("bill-component", null, ct),
                (step, ct) => step.EndDialogAsync("不该到这里", ct),
            ]),
            new BillComponent(maxRetries: 0))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("很多").AssertReply(DialogTestBot.CancelledReply)
            .Send("你好").AssertReply("您在哪家医院住院？")
            .StartTestAsync();

    [Fact]
    public Task Component_CancelWordMidway_NextMessageStartsAfresh() =>
        CreateFlow(new BillComponent())
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("算了").AssertReply(DialogTestBot.CancelledReply)
            .Send("你好").AssertReply("您在哪家医院住院？")
            .StartTestAsync();

    [Fact]
    public Task Component_NestedInAComponent_ResultReachesTheTop() =>
        CreateFlow(new ComponentDialog("outer").AddDialog(new BillComponent()))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .Send("3000").AssertReply("完成：县人民医院/3000")
            .StartTestAsync();

    [Fact]
    public async Task Component_WithoutDialogs_IsABug()
    {
        var flow = CreateFlow(new ComponentDialog("empty")).Send("你好");

        await Assert.ThrowsAsync<InvalidOperationException>(flow.StartTestAsync);
    }

    /// <summary>The way product dialogs are written: a component that adds its waterfall and prompts.</summary>
    private sealed class BillComponent : ComponentDialog
    {
        public BillComponent(int maxRetries = 3)
            : base("bill-component")
        {
            AddDialog(BillDialog());
            AddDialog(new TextPrompt("text") { MaxRetries = maxRetries });
            AddDialog(new NumberPrompt<decimal>("number") { MaxRetries = maxRetries });
        }
    }
}
