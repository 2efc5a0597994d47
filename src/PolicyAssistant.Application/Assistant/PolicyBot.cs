using PolicyAssistant.Application.Assistant.Keywords;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Assistant;

/// <summary>
/// Something the assistant can start from a message, such as binding or a household query. Intents are
/// asked in registration order; the first that takes the message ends the routing.
/// </summary>
public interface IAssistantIntent
{
    Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken);
}

/// <summary>A bot command a custom-menu click runs: the click's EventKey, the words it stands for, and its name in the menu editor.</summary>
public sealed record MenuCommand(string Key, string Command, string Label);

/// <summary>The click keys the WeChat custom menu may use (content/wechat-menu.json, the back-office menu editor).</summary>
public static class MenuCommands
{
    public static readonly IReadOnlyList<MenuCommand> All =
    [
        new("POLICY_QA", "帮助", "政策问答（帮助）"),
        new("BIND_IDENTITY", "绑定", "绑定身份"),
        new("FAMILY_DOCTOR", "我的家庭医生", "查签约医生"),
        new("CHRONIC_CERTIFICATION", "我的慢病", "查慢病"),
        new("SETTLEMENT_ESTIMATE", "住院费用估算", "估算费用"),
        new("CONTACT_US", "热线", "联系我们（热线电话）"),
        new("HUMAN_AGENT", "转人工", "转人工"),
    ];

    public static MenuCommand? Find(string key) => All.FirstOrDefault(command => string.Equals(command.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A line a feature may add under a confident answer to a bound household (an open quiz, say); the first offer found is shown.</summary>
public interface IAnswerOffer
{
    Task<string?> FindAsync(ITurnContext turnContext, BoundMember bound, CancellationToken cancellationToken);
}

/// <summary>
/// The router of every turn, whatever the channel: a running dialog first (unless the user cancels),
/// then a reply to the last answer's menu, then the household intents, then the keyword rules staff set,
/// then the knowledge base.
/// </summary>
public sealed class PolicyBot : IBot
{
    public const string WelcomeEntryId = "greeting";

    private readonly DialogSet _dialogs;
    private readonly IAssistantIntent[] _intents;
    private readonly FaqResponder _faq;
    private readonly CurrentBindingQuery _binding;
    private readonly KeywordReplies _keywords;
    private readonly IAnswerOffer[] _offers;

    public PolicyBot(ConversationState conversationState, IEnumerable<Dialog> dialogs, IEnumerable<IAssistantIntent> intents, FaqResponder faq, CurrentBindingQuery binding, KeywordReplies keywords, IEnumerable<IAnswerOffer> offers)
    {
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("dialogState"));
        foreach (var dialog in dialogs)
        {
            _dialogs.Add(dialog);
        }

        _intents = intents.ToArray();
        _faq = faq;
        _binding = binding;
        _keywords = keywords;
        _offers = offers.ToArray();
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Event)
        {
            await OnEventAsync(turnContext, cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Message && activity.Text is { } text)
        {
            await OnMessageAsync(turnContext, text, cancellationToken);
        }
    }

    private async Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (string.Equals(activity.Name, "subscribe", StringComparison.OrdinalIgnoreCase))
        {
            await _faq.AnswerAsync(turnContext, "你好", regionCode: null, cancellationToken);
        }
        else if (string.Equals(activity.Name, "click", StringComparison.OrdinalIgnoreCase)
                 && activity.Value is { } key && MenuCommands.Find(key) is { } command)
        {
            await OnMessageAsync(turnContext, command.Command, cancellationToken);
        }
    }

    private async Task OnMessageAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var dialogContext = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        if (dialogContext.ActiveDialog is not null)
        {
            if (CancelWords.IsCancel(text))
            {
                await dialogContext.CancelAllDialogsAsync(cancellationToken);
                await turnContext.SendTextAsync("好的，已取消。还有什么想问的，直接发给我。", cancellationToken, kind: ReplyKind.Dialog);
                return;
            }

            var result = await dialogContext.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Cancelled && !turnContext.Responded)
            {
                // A prompt that ran out of retries ends the dialog silently; the household still needs to hear why.
                await turnContext.SendTextAsync("几次都没对上，这件事先不办了。需要时可以重新开始，或拨打12345。", cancellationToken);
                return;
            }

            if (result.Status != DialogTurnStatus.Empty || turnContext.Responded)
            {
                return;
            }
        }

        var folded = TextFolding.Fold(text).Trim();
        if (await _faq.TryFollowUpAsync(turnContext, folded, cancellationToken))
        {
            return;
        }

        foreach (var intent in _intents)
        {
            if (await intent.TryStartAsync(dialogContext, folded, cancellationToken))
            {
                return;
            }
        }

        if (await _keywords.TryAnswerAsync(turnContext, folded, cancellationToken))
        {
            return;
        }

        // A bound household gets the entries of its own county as well as the general ones.
        var bound = await _binding.FindAsync(turnContext, cancellationToken);

        // The policy is the default; a message that may also mean the household's own record gets one line offering it.
        async Task<string?> FindOfferAsync(CancellationToken cancellation)
        {
            if (bound is null)
            {
                return RecordQuestion.Classify(IntentText.Compact(folded)) is ({ } topic, RecordReading.Either) ? $"查您家自己的{topic.Name}，回复：绑定" : null;
            }

            foreach (var candidate in _offers)
            {
                if (await candidate.FindAsync(turnContext, bound, cancellation) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        await _faq.AnswerAsync(turnContext, folded, bound?.CountyCode, cancellationToken, FindOfferAsync);
    }
}
