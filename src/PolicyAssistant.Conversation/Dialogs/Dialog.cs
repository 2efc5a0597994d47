using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; its result is in <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The dialogs were cancelled: by the user, or by a prompt that ran out of retries.</summary>
    Cancelled,
}

public enum DialogReason
{
    EndCalled,
    ReplaceCalled,
    CancelCalled,
}

/// <summary>
/// Where a dialog turn left the stack. The result is passed in memory to the parent dialog in the same
/// turn, so it is never read back from storage.
/// </summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);

/// <summary>
/// A conversation step by step. Dialogs are stateless and shared by all conversations: what one
/// conversation has reached lives in its <see cref="DialogInstance"/>.
/// </summary>
public abstract class Dialog
{
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string Id { get; }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken);

    /// <summary>The user answered while this dialog was active.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken) =>
        dialogContext.EndDialogAsync(null, cancellationToken);

    /// <summary>A dialog this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, object? result, CancellationToken cancellationToken) =>
        dialogContext.EndDialogAsync(result, cancellationToken);

    /// <summary>The instance is leaving the stack; a chance to clean up what it started.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
