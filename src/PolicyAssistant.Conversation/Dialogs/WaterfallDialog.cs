using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>One step of a waterfall; usually a <c>private static</c> method of the dialog that owns it.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> stepContext, CancellationToken cancellationToken)
    where TState : new();

/// <summary>
/// Runs its steps in order, one per answer: a step asks (prompts or begins a child dialog), the next
/// step receives the answer in <see cref="WaterfallStepContext{TState}.Result"/>. What the steps
/// collect lives in a typed <typeparamref name="TState"/> stored with the dialog instance.
/// </summary>
public class WaterfallDialog<TState> : Dialog
    where TState : new()
{
    private readonly List<WaterfallStep<TState>> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep<TState>>? steps = null)
        : base(dialogId) => _steps = steps?.ToList() ?? [];

    public WaterfallDialog<TState> AddStep(WaterfallStep<TState> step)
    {
        _steps.Add(step);
        return this;
    }

    /// <param name="options">The starting <typeparamref name="TState"/>, or null for a new one.</param>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        var state = options switch
        {
            null => new TState(),
            TState given => given,
            _ => throw new ArgumentException($"Waterfall '{Id}' starts from a {typeof(TState).Name}, not a {options.GetType().Name}.", nameof(options)),
        };
        return RunStepAsync(dialogContext, 0, state, null, cancellationToken);
    }

    /// <summary>A step that waited without a prompt receives the message text as its result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken) =>
        dialogContext.Context.Activity.Type == ActivityTypes.Message
            ? ResumeDialogAsync(dialogContext, dialogContext.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, object? result, CancellationToken cancellationToken)
    {
        var progress = dialogContext.ActiveDialog!.GetState<WaterfallProgress<TState>>();
        return RunStepAsync(dialogContext, progress.StepIndex + 1, progress.State, result, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dialogContext, int index, TState state, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dialogContext.EndDialogAsync(result, cancellationToken);
        }

        var stepContext = new WaterfallStepContext<TState>(dialogContext, this, index, state, result);
        stepContext.SaveProgress();
        var turnResult = await _steps[index](stepContext, cancellationToken);
        stepContext.SaveProgressIfStillHere();
        return turnResult;
    }
}

/// <summary>What a waterfall has reached: stored as the dialog instance's state.</summary>
internal sealed record WaterfallProgress<TState>(int StepIndex, TState State);
