using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>
/// A dialog made of dialogs: its own waterfall and prompts run on an inner stack kept in its instance
/// state, so the outer bot starts it by one id and gets one result. Cancelling inside it cancels all.
/// </summary>
public class ComponentDialog(string dialogId) : Dialog(dialogId)
{
    private readonly DialogSet _dialogs = new();

    /// <summary>The inner dialog started first; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        var initialDialogId = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no dialogs.");
        var instance = dialogContext.ActiveDialog!;
        var inner = new DialogState();
        var result = await InnerContext(dialogContext, inner).BeginDialogAsync(initialDialogId, options, cancellationToken);
        return await EndIfDoneAsync(dialogContext, instance, inner, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var instance = dialogContext.ActiveDialog!;
        var inner = instance.GetState<DialogState>();
        var result = await InnerContext(dialogContext, inner).ContinueDialogAsync(cancellationToken);
        return await EndIfDoneAsync(dialogContext, instance, inner, result, cancellationToken);
    }

    /// <summary>An outer dialog begun from inside has ended: the inner stack waits for the next message.</summary>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, object? result, CancellationToken cancellationToken) =>
        Task.FromResult(EndOfTurn);

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled && instance.State is not null)
        {
            var inner = instance.GetState<DialogState>();
            await new DialogContext(_dialogs, turnContext, inner, parent: null).CancelAllDialogsAsync(cancellationToken);
        }
    }

    private DialogContext InnerContext(DialogContext outer, DialogState inner) => new(_dialogs, outer.Context, inner, outer);

    private static async Task<DialogTurnResult> EndIfDoneAsync(
        DialogContext outer, DialogInstance instance, DialogState inner, DialogTurnResult result, CancellationToken cancellationToken)
    {
        instance.SetState(inner);
        return result.Status switch
        {
            DialogTurnStatus.Waiting => result,
            DialogTurnStatus.Cancelled => await outer.CancelAllDialogsAsync(cancellationToken),
            _ => await outer.EndDialogAsync(result.Result, cancellationToken),
        };
    }
}
