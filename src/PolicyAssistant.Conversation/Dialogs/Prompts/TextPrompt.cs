namespace PolicyAssistant.Conversation.Dialogs.Prompts;

/// <summary>Any text that is not blank, as written, less control characters and surrounding blanks.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override PromptRecognizerResult<string> Recognize(string text, PromptOptions options)
    {
        var cleaned = PromptText.WithoutControlCharacters(text).Trim();
        return cleaned.Length > 0 ? Recognized(cleaned) : PromptRecognizerResult<string>.Failed;
    }
}
