using PolicyAssistant.Conversation.Dialogs.Prompts;

namespace PolicyAssistant.Application.Households.Binding;

public sealed class OfferBindingState
{
    /// <summary>What the user asked about, in words: “家庭医生”, “慢病证明”.</summary>
    public string Topic { get; set; } = "";
}

/// <summary>An unbound user asked about their household: explain why binding comes first and offer it.</summary>
public sealed class OfferBindingDialog : ComponentDialog
{
    public const string DialogId = "binding-offer";

    private const string Steps = "binding-offer.steps";
    private const string Confirm = "binding-offer.confirm";

    public OfferBindingDialog()
        : base(DialogId)
    {
        AddDialog(new WaterfallDialog<OfferBindingState>(Steps).AddStep(AskAsync).AddStep(AnswerAsync));
        AddDialog(new ConfirmPrompt(Confirm));
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<OfferBindingState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(Confirm, new PromptOptions(
            $"查自家的{step.State.Topic}，需要先绑定身份：核对姓名和身份证号，再输入发到您家登记手机上的验证码。现在绑定吗？",
            "现在绑定吗？请回复“是”或“否”：",
            Kind: ReplyKind.Binding), cancellationToken);

    private static async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<OfferBindingState> step, CancellationToken cancellationToken)
    {
        if (step.Result is true)
        {
            return await step.ReplaceDialogAsync(BindingDialog.DialogId, null, cancellationToken);
        }

        await step.Context.SendTextAsync("好的。以后想查，发“绑定”就行；政策问题可以直接问我。", cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}

/// <summary>The household answers' common first step: the bound member, or (for an unbound user) the offer to bind.</summary>
public sealed class BindingGate(CurrentBindingQuery binding)
{
    public async Task<BoundMember?> RequireAsync(DialogContext dialogContext, string topic, CancellationToken cancellationToken)
    {
        var bound = await binding.FindAsync(dialogContext.Context, cancellationToken);
        if (bound is null)
        {
            await dialogContext.BeginDialogAsync(OfferBindingDialog.DialogId, new OfferBindingState { Topic = topic }, cancellationToken);
        }

        return bound;
    }
}
