using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.Assistant;

/// <summary>What the last answer left open: a menu to pick from by number, or a full text to show.</summary>
public sealed class FaqState
{
    public List<string> Menu { get; set; } = [];

    public string? FullTextEntryId { get; set; }
}

/// <summary>
/// Answers a policy question from the knowledge base. A confident answer is short and cites its source,
/// with the full text one reply away; below the threshold the bot does not guess: it offers the three
/// nearest titles, names the hotline, and queues the question for the back office.
/// </summary>
public sealed class FaqResponder(
    AnswerSelector selector,
    KnowledgeIndex index,
    ConversationState conversationState,
    RecordUnansweredQuestionCommand recordUnanswered,
    TimeProvider clock)
{
    public const string FullTextReply = "1";
    public const string Hotline = "医保服务热线 12393，政务服务便民热线 12345";

    private readonly IStatePropertyAccessor<FaqState> _state = conversationState.CreateProperty<FaqState>("faq");

    /// <summary>Answers a reply to the previous answer ("1" for the full text, a menu number); false if the text is not one.</summary>
    public async Task<bool> TryFollowUpAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new FaqState(), cancellationToken);
        var choice = text.Trim();
        if (state.Menu.Count > 0 && int.TryParse(choice, out var number) && number >= 1 && number <= state.Menu.Count
            && index.Find(state.Menu[number - 1]) is { } picked)
        {
            await SendAnswerAsync(turnContext, picked, AnswerFormatter.ShortAnswer(picked), state, cancellationToken);
            return true;
        }

        if (state.FullTextEntryId is { } id && (choice == FullTextReply || choice == "全文") && index.Find(id) is { } entry)
        {
            state.FullTextEntryId = null;
            await turnContext.SendActivityAsync(turnContext.Activity.CreateReply(AnswerFormatter.FullText(entry), sources: [Cite(entry)], kind: ReplyKind.Answer, confident: true), cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>Answers with one entry's short answer, as a confident search result would; false if there is no such entry.</summary>
    public async Task<bool> AnswerWithEntryAsync(ITurnContext turnContext, string entryId, CancellationToken cancellationToken)
    {
        if (index.Find(entryId) is not { } entry)
        {
            return false;
        }

        var state = await _state.GetAsync(turnContext, () => new FaqState(), cancellationToken);
        await SendAnswerAsync(turnContext, entry, AnswerFormatter.ShortAnswer(entry), state, cancellationToken);
        return true;
    }

    /// <param name="ownRecordOffer">A line offering the household's own record, added under a confident answer.</param>
    public async Task AnswerAsync(ITurnContext turnContext, string question, string? regionCode, CancellationToken cancellationToken, string? ownRecordOffer = null)
    {
        var state = await _state.GetAsync(turnContext, () => new FaqState(), cancellationToken);
        state.Menu = [];
        state.FullTextEntryId = null;
        var answer = selector.Select(question, new AnswerContext(regionCode, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
        switch (answer.Kind)
        {
            case AnswerKind.Confident:
                await SendAnswerAsync(turnContext, answer.Entry!, AnswerFormatter.PassageAnswer(answer.Entry!, answer.Passage, question, answer.Terms), state, cancellationToken, ownRecordOffer);
                break;
            case AnswerKind.Uncertain:
                state.Menu = answer.Candidates.Select(c => c.Entry.Id).ToList();
                await turnContext.SendTextAsync(
                    $"这个问题我没有把握答准。\n{AnswerFormatter.CandidatesMenu(answer.Candidates)}\n都不是的话，可以拨打{Hotline}。",
                    cancellationToken,
                    Enumerable.Range(1, state.Menu.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                    ReplyKind.Choices);
                await RecordAsync(turnContext, question, UnansweredReason.LowConfidence, answer, cancellationToken);
                break;
            case AnswerKind.OutOfScope:
                await turnContext.SendTextAsync(
                    $"抱歉，我只能回答本地建档立卡贫困户的健康扶贫政策，比如看病报销、慢病办理、家庭医生。其他问题请拨打{Hotline}。",
                    cancellationToken,
                    ["住院能报多少", "慢病证明怎么办", "帮助"],
                    ReplyKind.OutOfScope);
                await RecordAsync(turnContext, question, UnansweredReason.OutOfScope, answer, cancellationToken);
                break;
            default:
                await turnContext.SendTextAsync("没看明白您的意思。可以直接问，比如“住院要交押金吗”；回复“帮助”看看我能做什么。", cancellationToken, ["帮助"], ReplyKind.OutOfScope);
                break;
        }
    }

    private static async Task SendAnswerAsync(ITurnContext turnContext, KnowledgeEntry entry, string shortAnswer, FaqState state, CancellationToken cancellationToken, string? ownRecordOffer = null)
    {
        state.Menu = [];
        var text = shortAnswer;
        var hasMore = entry.Kind == EntryKind.Policy && entry.Body.Trim().Length > 0;
        state.FullTextEntryId = hasMore ? entry.Id : null;
        if (hasMore)
        {
            text += $"\n回复 {FullTextReply} 查看全文";
        }

        if (ownRecordOffer is not null && entry.Kind == EntryKind.Policy)
        {
            text += "\n" + ownRecordOffer;
        }

        var sources = entry.Kind == EntryKind.Policy ? new[] { Cite(entry) } : [];
        // Small talk is a courtesy, not an answer the household could act on.
        var policy = entry.Kind == EntryKind.Policy;
        await turnContext.SendActivityAsync(
            turnContext.Activity.CreateReply(text, hasMore ? [FullTextReply] : null, sources, policy ? ReplyKind.Answer : ReplyKind.SmallTalk, confident: policy),
            cancellationToken);
    }

    private Task RecordAsync(ITurnContext turnContext, string question, UnansweredReason reason, Answer answer, CancellationToken cancellationToken) =>
        recordUnanswered.RecordAsync(question, turnContext.Activity.ChannelId, reason, answer.Entry?.Id, answer.Confidence, cancellationToken);

    private static SourceCitation Cite(KnowledgeEntry entry) => new(entry.Id, entry.Title, entry.Source);
}
