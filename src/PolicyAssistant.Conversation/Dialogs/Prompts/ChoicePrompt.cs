namespace PolicyAssistant.Conversation.Dialogs.Prompts;

/// <summary>The choice picked: its position in <see cref="PromptOptions.Choices"/> and its text.</summary>
public sealed record FoundChoice(int Index, string Value);

/// <summary>
/// One of <see cref="PromptOptions.Choices"/>, shown numbered and answered by its number ("2", "２、")
/// or its text, whole or in part as long as only one choice fits ("住院" for "住院报销").
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override IReadOnlyList<string> ShownChoices(PromptOptions options) => options.Choices ?? [];

    protected override void CheckOptions(PromptOptions options)
    {
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"Choice prompt '{Id}' needs choices.", nameof(options));
        }
    }

    protected override PromptRecognizerResult<FoundChoice> Recognize(string text, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        var answer = PromptText.Normalize(text);
        if (answer.Length == 0)
        {
            return PromptRecognizerResult<FoundChoice>.Failed;
        }

        if (int.TryParse(answer, out var number) && number >= 1 && number <= choices.Count)
        {
            return Recognized(new FoundChoice(number - 1, choices[number - 1]));
        }

        var normalized = choices.Select(PromptText.Normalize).ToList();
        var index = SingleIndex(normalized, choice => choice == answer)
            ?? SingleIndex(normalized, choice => answer.Contains(choice, StringComparison.Ordinal)
                || (answer.Length >= 2 && choice.Contains(answer, StringComparison.Ordinal)));
        return index is { } found ? Recognized(new FoundChoice(found, choices[found])) : PromptRecognizerResult<FoundChoice>.Failed;
    }

    private static int? SingleIndex(List<string> choices, Func<string, bool> fits)
    {
        var fitting = choices.Select((choice, index) => (choice, index)).Where(pair => pair.choice.Length > 0 && fits(pair.choice)).ToList();
        return fitting.Count == 1 ? fitting[0].index : null;
    }
}
