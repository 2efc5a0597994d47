using PolicyAssistant.Conversation.Dialogs.Prompts;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>
/// Whether a message asks to stop what the bot is asking. The bot checks it before continuing the
/// dialogs and, when it matches, calls <see cref="DialogContext.CancelAllDialogsAsync"/>:
/// <code>
/// if (dc.ActiveDialog is not null &amp;&amp; CancelWords.IsCancel(turnContext.Activity.Text)) { await dc.CancelAllDialogsAsync(ct); … }
/// </code>
/// Only the whole message counts ("算了吧" cancels, "我不想取消" does not).
/// </summary>
public static class CancelWords
{
    private static readonly HashSet<string> Words = ["取消", "退出", "算了", "不办了", "结束", "cancel", "exit", "quit"];

    public static bool IsCancel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = PromptText.Normalize(text);
        return PromptText.WithParticlesTrimmed(normalized).Any(Words.Contains);
    }
}
