using System.Globalization;
using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Testing;

/// <summary>The one arrangement of the dialog tests: a bot running a dialog set over state that auto-saves.</summary>
public static class DialogFlow
{
    public static TestFlow CreateFlow(Dialog dialog, params Dialog[] others) => CreateFlow(new MemoryStorage(), dialog, others);

    public static TestFlow CreateFlow(IStorage storage, Dialog dialog, params Dialog[] others)
    {
        var conversationState = new ConversationState(storage);
        var dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("DialogState")).Add(dialog);
        foreach (var other in others)
        {
            dialogs.Add(other);
        }

        return new TestFlow(new DialogTestBot(dialogs, dialog.Id), new AutoSaveStateMiddleware(conversationState));
    }

    /// <summary>A flow that asks one prompt and says "完成：{answer}".</summary>
    public static TestFlow CreatePromptFlow(Dialog prompt, PromptOptions options) =>
        CreateFlow(
            new WaterfallDialog<NoState>("ask",
            [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]),
            prompt);

    public sealed record BillState
    {
        public string? Hospital { get; init; }

        public decimal? Total { get; init; }
    }

    /// <summary>A three-step sample dialog: hospital, then total, ending with "hospital/total".</summary>
    public static WaterfallDialog<BillState> BillDialog(string id = "bill") =>
        new WaterfallDialog<BillState>(id).AddStep(AskHospitalAsync).AddStep(AskTotalAsync).AddStep(FinishAsync);

    private static Task<DialogTurnResult> AskHospitalAsync(WaterfallStepContext<BillState> step, CancellationToken cancellationToken) =>
        step.State.Hospital is { } known
            ? step.NextAsync(known, cancellationToken)
            : step.PromptAsync("text", new PromptOptions("您在哪家医院住院？"), cancellationToken);

    private static Task<DialogTurnResult> AskTotalAsync(WaterfallStepContext<BillState> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Hospital = (string)step.Result! };
        return step.PromptAsync("number", new PromptOptions("住院总费用是多少元？"), cancellationToken);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext<BillState> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Total = (decimal)step.Result! };
        return step.EndDialogAsync($"{step.State.Hospital}/{step.State.Total}", cancellationToken);
    }
}

public sealed record NoState;

/// <summary>
/// The bot of the dialog tests: cancels on the cancel words, continues the active dialog or begins the
/// root one, and says how the dialogs ended.
/// </summary>
public sealed class DialogTestBot(DialogSet dialogs, string rootDialogId) : IBot
{
    public const string CancelledReply = "已退出，您可以直接提问。";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dialogContext = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        if (dialogContext.ActiveDialog is not null && CancelWords.IsCancel(turnContext.Activity.Text))
        {
            await dialogContext.CancelAllDialogsAsync(cancellationToken);
            await turnContext.SendTextAsync(CancelledReply, cancellationToken);
            return;
        }

        var result = await dialogContext.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dialogContext.BeginDialogAsync(rootDialogId, null, cancellationToken);
        }

        if (result.Status == DialogTurnStatus.Complete)
        {
            await turnContext.SendTextAsync($"完成：{Describe(result.Result)}", cancellationToken);
        }
        else if (result.Status == DialogTurnStatus.Cancelled)
        {
            await turnContext.SendTextAsync(CancelledReply, cancellationToken);
        }
    }

    private static string Describe(object? result) => result switch
    {
        FoundChoice choice => $"{choice.Index}:{choice.Value}",
        bool answer => answer ? "是" : "否",
        _ => string.Format(CultureInfo.InvariantCulture, "{0}", result),
    };
}
