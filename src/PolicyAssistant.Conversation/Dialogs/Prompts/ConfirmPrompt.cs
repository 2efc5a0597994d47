namespace PolicyAssistant.Conversation.Dialogs.Prompts;

/// <summary>
/// Yes or no. Shown as "1. 是 / 2. 否"; understands 是、对、好、嗯、可以、行 and 否、不、不是、不用、不要, with trailing
/// particles and after-thoughts ("好的，谢谢", "不用了"), the numbers, and yes/no. Anything else is asked again.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    private static readonly HashSet<string> Yes = ["是", "对", "好", "嗯", "嗯嗯", "可以", "行", "确定", "yes", "y", "ok", "1"];
    private static readonly HashSet<string> No = ["否", "不", "不是", "不用", "不要", "不对", "不行", "不可以", "不需要", "no", "n", "2"];

    protected override IReadOnlyList<string> ShownChoices(PromptOptions options) => ["是", "否"];

    protected override PromptRecognizerResult<bool> Recognize(string text, PromptOptions options)
    {
        var answer = PromptText.FirstClause(PromptText.Normalize(text));
        foreach (var candidate in PromptText.WithParticlesTrimmed(answer))
        {
            if (Yes.Contains(candidate))
            {
                return Recognized(true);
            }

            if (No.Contains(candidate))
            {
                return Recognized(false);
            }
        }

        return PromptRecognizerResult<bool>.Failed;
    }
}
