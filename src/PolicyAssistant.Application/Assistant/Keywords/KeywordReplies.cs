namespace PolicyAssistant.Application.Assistant.Keywords;

/// <summary>Answers a message from the first keyword rule it matches; false when none does.</summary>
public sealed class KeywordReplies(KeywordRuleCache cache, FaqResponder faq)
{
    public async Task<bool> TryAnswerAsync(ITurnContext turnContext, string foldedText, CancellationToken cancellationToken)
    {
        var rules = await cache.GetAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return false;
        }

        var message = LoadedKeywordRule.Normalize(foldedText);
        foreach (var rule in rules)
        {
            if (!rule.Matches(message))
            {
                continue;
            }

            if (rule.ReplyText is { } text)
            {
                await turnContext.SendActivityAsync(turnContext.Activity.CreateReply(text, kind: ReplyKind.Answer, confident: true), cancellationToken);
                return true;
            }

            // A rule pointing at an entry deleted since answers nothing; the next rule or the knowledge base does.
            if (rule.EntryId is { } entryId && await faq.AnswerWithEntryAsync(turnContext, entryId, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
