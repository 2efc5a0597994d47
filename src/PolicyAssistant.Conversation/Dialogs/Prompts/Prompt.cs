using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs.Prompts;

/// <summary>What a prompt asks. Stored with the prompt's instance, so it must stay plain data.</summary>
/// <param name="Kind">What the question belongs to (binding, an estimate), for clients that tell replies apart.</param>
public sealed record PromptOptions(string Prompt, string? RetryPrompt = null, IReadOnlyList<string>? Choices = null, ReplyKind? Kind = null);

public sealed record PromptRecognizerResult<T>(bool Succeeded, T Value)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false, default!);
}

public sealed record PromptValidatorContext<T>(ITurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);

/// <summary>
/// Extra rules for an answer the prompt recognised (or did not). Return false to ask again; a validator
/// that sends its own reply replaces the retry prompt.
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>
/// Asks once, then recognises each answer: a valid one ends the prompt with its value; an invalid one is
/// asked again, at most <see cref="MaxRetries"/> times, after which the prompt cancels the dialogs
/// (<see cref="DialogTurnStatus.Cancelled"/>) rather than loop forever.
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator) : Dialog(dialogId)
{
    public int MaxRetries { get; init; } = 3;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' is started with PromptOptions.", nameof(options));
        }

        CheckOptions(promptOptions);
        dialogContext.ActiveDialog!.SetState(new PromptProgress(promptOptions, 0));
        await AskAsync(dialogContext.Context, promptOptions.Prompt, promptOptions, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var turnContext = dialogContext.Context;
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dialogContext.ActiveDialog!;
        var progress = instance.GetState<PromptProgress>();
        var recognized = Recognize(turnContext.Activity.Text ?? string.Empty, progress.Options);
        var repliesBefore = turnContext.Replies.Count;
        var valid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(turnContext, recognized, progress.Options, progress.Retries + 1), cancellationToken);

        if (valid && recognized.Succeeded)
        {
            return await dialogContext.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (progress.Retries >= MaxRetries)
        {
            return await dialogContext.CancelAllDialogsAsync(cancellationToken);
        }

        instance.SetState(progress with { Retries = progress.Retries + 1 });
        if (turnContext.Replies.Count == repliesBefore)
        {
            await AskAsync(turnContext, progress.Options.RetryPrompt ?? progress.Options.Prompt, progress.Options, cancellationToken);
        }

        return EndOfTurn;
    }

    protected abstract PromptRecognizerResult<T> Recognize(string text, PromptOptions options);

    /// <summary>Choices listed under the question as "1. …", and offered as suggested replies.</summary>
    protected virtual IReadOnlyList<string> ShownChoices(PromptOptions options) => [];

    protected virtual void CheckOptions(PromptOptions options)
    {
    }

    protected static PromptRecognizerResult<T> Recognized(T value) => new(true, value);

    private Task AskAsync(ITurnContext turnContext, string question, PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = ShownChoices(options);
        var text = choices.Count == 0
            ? question
            : string.Join('\n', [question, .. choices.Select((choice, index) => $"{index + 1}. {choice}")]);
        return turnContext.SendTextAsync(text, cancellationToken, choices, options.Kind);
    }

    private sealed record PromptProgress(PromptOptions Options, int Retries);
}
