using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>A dialog stack during one turn: starts, continues and ends the dialogs on it.</summary>
public sealed class DialogContext
{
    private readonly List<DialogInstance> _stack;

    internal DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent)
    {
        Dialogs = dialogs;
        Context = turnContext;
        Parent = parent;
        _stack = state.DialogStack;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The outer context when this is the inner stack of a <see cref="ComponentDialog"/>.</summary>
    public DialogContext? Parent { get; }

    public IReadOnlyList<DialogInstance> Stack => _stack;

    public DialogInstance? ActiveDialog => _stack.Count > 0 ? _stack[^1] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"No dialog '{dialogId}' in this dialog set or its parents.");
        _stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        // A stack saved by an older version of the bot, one of whose dialogs was since removed or
        // reshaped, is dropped so that the conversation starts afresh instead of failing on every message.
        if (_stack.Any(instance => FindDialog(instance.Id) is null))
        {
            _stack.Clear();
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        try
        {
            return await FindDialog(active.Id)!.ContinueDialogAsync(this, cancellationToken);
        }
        catch (DialogStateUnreadableException) when (Parent is null)
        {
            _stack.Clear();
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is not { } parent)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = FindDialog(parent.Id) ?? throw new InvalidOperationException($"No dialog '{parent.Id}' to resume.");
        return await dialog.ResumeDialogAsync(this, result, cancellationToken);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (_stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (_stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and starts another in its place, without resuming the parent.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    internal Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        _stack.RemoveAt(_stack.Count - 1);
        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }
    }
}
