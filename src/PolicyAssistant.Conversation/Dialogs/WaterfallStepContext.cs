using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>
/// What one waterfall step sees. Set <see cref="State"/> before handing control on (prompt, next,
/// begin, end): those calls save it with the dialog, and a step hands control on at most once.
/// </summary>
public sealed class WaterfallStepContext<TState>
    where TState : new()
{
    private readonly WaterfallDialog<TState> _dialog;
    private readonly DialogInstance _instance;
    private TState _state;
    private bool _handedOn;

    internal WaterfallStepContext(DialogContext dialogContext, WaterfallDialog<TState> dialog, int index, TState state, object? result)
    {
        DialogContext = dialogContext;
        _dialog = dialog;
        _instance = dialogContext.ActiveDialog!;
        Index = index;
        _state = state;
        Result = result;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    /// <summary>The previous step's answer: a prompt's value, a child dialog's result, or the message text.</summary>
    public object? Result { get; }

    public TState State
    {
        get => _state;
        set
        {
            if (_handedOn)
            {
                throw new InvalidOperationException("Set the waterfall state before the step prompts, moves on or ends; later changes would be lost.");
            }

            _state = value;
        }
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        HandOn().PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        HandOn().BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips waiting: runs the next step now with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        HandOn();
        return _dialog.ResumeDialogAsync(DialogContext, result, cancellationToken);
    }

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        HandOn().EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        HandOn().ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken) =>
        HandOn().CancelAllDialogsAsync(cancellationToken);

    internal void SaveProgress() => _instance.SetState(new WaterfallProgress<TState>(Index, _state));

    internal void SaveProgressIfStillHere()
    {
        if (!_handedOn)
        {
            SaveProgress();
        }
    }

    private DialogContext HandOn()
    {
        if (_handedOn)
        {
            throw new InvalidOperationException($"Step {Index} already handed control on; call one of PromptAsync, NextAsync, BeginDialogAsync or EndDialogAsync once.");
        }

        SaveProgress();
        _handedOn = true;
        return DialogContext;
    }
}
