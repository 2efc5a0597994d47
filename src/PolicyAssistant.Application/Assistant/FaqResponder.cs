using Microsoft.Extensions.Options;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.Assistant;

/// <summary>What the last answer left open: a menu to pick from by number, or full texts to show ("1", or "1"/"2" after two entries).</summary>
public sealed class FaqState
{
    public List<string> Menu { get; set; } = [];

    public List<string> FullTextEntryIds { get; set; } = [];
}

/// <summary>A knowledge-base reply as the bot sends it, and what it leaves open for the next message.</summary>
/// <param name="FullTextEntryIds">The entries whose full text the household can ask for next, by number.</param>
/// <param name="AnsweredWith">The entries the reply answers with (each counted as a hit); none for a menu or a refusal.</param>
public sealed record FaqReply(
    string Text,
    IReadOnlyList<string>? SuggestedReplies,
    IReadOnlyList<SourceCitation> Sources,
    ReplyKind Kind,
    bool Confident,
    IReadOnlyList<string> Menu,
    IReadOnlyList<string> FullTextEntryIds,
    IReadOnlyList<KnowledgeEntry> AnsweredWith);

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
    KnowledgeEntryHitCounter hits,
    IOptions<SmsOptions> smsOptions,
    TimeProvider clock)
{
    public const string FullTextReply = "1";
    public const string Hotline = "医保服务热线 12393，政务服务便民热线 12345";
    private const string EitherOfTwoFullTextHint = "回复 1 或 2 查看全文";

    private readonly IStatePropertyAccessor<FaqState> _state = conversationState.CreateProperty<FaqState>("faq");

    /// <summary>Answers a reply to the previous answer ("1" for the full text, a menu number); false if the text is not one.</summary>
    public async Task<bool> TryFollowUpAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new FaqState(), cancellationToken);
        var choice = text.Trim();
        if (state.Menu.Count > 0 && int.TryParse(choice, out var number) && number >= 1 && number <= state.Menu.Count
            && index.Find(state.Menu[number - 1]) is { } picked)
        {
            await SendAsync(turnContext, EntryReply(picked, AnswerFormatter.ShortAnswer(picked), ownRecordOffer: null), state, cancellationToken);
            return true;
        }

        var shown = choice == "全文" ? 1 : int.TryParse(choice, out var asked) ? asked : 0;
        if (shown >= 1 && shown <= state.FullTextEntryIds.Count && index.Find(state.FullTextEntryIds[shown - 1]) is { } entry)
        {
            state.FullTextEntryIds = [];
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
        await SendAsync(turnContext, EntryReply(entry, AnswerFormatter.ShortAnswer(entry), ownRecordOffer: null), state, cancellationToken);
        return true;
    }

    /// <param name="findOffer">
    /// Finds a line to add under a confident answer to a policy question (the household's own record, an open quiz).
    /// Asked only when such an answer goes out: an offer may cost a query, and one found but not shown counts as made.
    /// </param>
    public async Task AnswerAsync(ITurnContext turnContext, string question, string? regionCode, CancellationToken cancellationToken, Func<CancellationToken, Task<string?>>? findOffer = null)
    {
        var state = await _state.GetAsync(turnContext, () => new FaqState(), cancellationToken);
        var answer = selector.Select(question, Context(regionCode));
        var offer = findOffer is not null && answer is { Kind: AnswerKind.Confident or AnswerKind.EitherOfTwo, Entry.Kind: EntryKind.Policy } ? await findOffer(cancellationToken) : null;
        await SendAsync(turnContext, Compose(answer, question, offer, ReplyLength(turnContext)), state, cancellationToken);
        if (answer.Kind is AnswerKind.Uncertain or AnswerKind.OutOfScope)
        {
            var reason = answer.Kind == AnswerKind.Uncertain ? UnansweredReason.LowConfidence : UnansweredReason.OutOfScope;
            await recordUnanswered.RecordAsync(question, turnContext.Activity.ChannelId, reason, answer.Entry?.Id, answer.Confidence, cancellationToken, answer.Terms);
        }
    }

    /// <summary>
    /// What the bot would answer to a message routed to the knowledge base, without sending, counting or queueing
    /// anything: the back office's hit test. The same selection and wording as <see cref="AnswerAsync"/>.
    /// </summary>
    public (Answer Answer, FaqReply Reply) Preview(string message, string? regionCode)
    {
        var question = TextFolding.Fold(message).Trim();
        var answer = selector.Select(question, Context(regionCode));
        return (answer, Compose(answer, question, ownRecordOffer: null, replyLength: null));
    }

    /// <summary>The day and region an answer is selected for, as <see cref="AnswerAsync"/> uses them.</summary>
    public AnswerContext Context(string? regionCode) => new(regionCode, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));

    // A text reply is billed by the segment, and what does not fit its segments waits for "1", which after two
    // entries would then mean "the rest of this text" rather than entry 1: there an answer of two entries keeps to
    // the reply's room. Elsewhere the phone screen is the limit.
    private int? ReplyLength(ITurnContext turnContext) =>
        turnContext.Activity.ChannelId == SmsAdapter.ChannelId
            ? SmsSegmenter.MaxBodyCharacters(smsOptions.Value.Limits.MaxReplySegments, smsOptions.Value.SignName)
            : null;

    private static FaqReply Compose(Answer answer, string question, string? ownRecordOffer, int? replyLength) => answer.Kind switch
    {
        AnswerKind.Confident => EntryReply(answer.Entry!, AnswerFormatter.PassageAnswer(answer.Entry!, answer.Passage, question, answer.Terms), ownRecordOffer),
        AnswerKind.EitherOfTwo => EitherOfTwoReply(answer, question, ownRecordOffer, replyLength),
        AnswerKind.Uncertain => new FaqReply(
            $"这个问题我没有把握答准。\n{AnswerFormatter.CandidatesMenu(answer.Candidates)}\n都不是的话，可以拨打{Hotline}。",
            Enumerable.Range(1, answer.Candidates.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [],
            ReplyKind.Choices,
            Confident: false,
            answer.Candidates.Select(c => c.Entry.Id).ToList(),
            FullTextEntryIds: [],
            AnsweredWith: []),
        AnswerKind.OutOfScope => new FaqReply(
            $"抱歉，我只能回答本地建档立卡贫困户的健康扶贫政策，比如看病报销、慢病办理、家庭医生。其他问题请拨打{Hotline}。",
            ["住院能报多少", "慢病证明怎么办", "帮助"],
            [],
            ReplyKind.OutOfScope,
            Confident: false,
            [],
            FullTextEntryIds: [],
            AnsweredWith: []),
        _ => new FaqReply("没看明白您的意思。可以直接问，比如“住院要交押金吗”；回复“帮助”看看我能做什么。", ["帮助"], [], ReplyKind.OutOfScope, Confident: false, [], [], []),
    };

    // Both entries stand behind the reply: the bot is sure one of them answers, and says which is which by title.
    private static FaqReply EitherOfTwoReply(Answer answer, string question, string? ownRecordOffer, int? replyLength)
    {
        var first = new AnsweredEntry(answer.Entry!, answer.Passage);
        var second = answer.Second!;
        var after = ownRecordOffer is null ? $"\n{EitherOfTwoFullTextHint}" : $"\n{EitherOfTwoFullTextHint}\n{ownRecordOffer}";
        var text = AnswerFormatter.EitherOfTwoAnswer(first, second, question, answer.Terms, replyLength - after.Length) + after;
        return new FaqReply(text, ["1", "2"], [Cite(first.Entry), Cite(second.Entry)], ReplyKind.Answer, Confident: true, [], [first.Entry.Id, second.Entry.Id], [first.Entry, second.Entry]);
    }

    private static FaqReply EntryReply(KnowledgeEntry entry, string shortAnswer, string? ownRecordOffer)
    {
        var text = shortAnswer;
        var hasMore = entry.Kind == EntryKind.Policy && entry.Body.Trim().Length > 0;
        if (hasMore)
        {
            text += $"\n回复 {FullTextReply} 查看全文";
        }

        if (ownRecordOffer is not null && entry.Kind == EntryKind.Policy)
        {
            text += "\n" + ownRecordOffer;
        }

        // Small talk is a courtesy, not an answer the household could act on.
        var policy = entry.Kind == EntryKind.Policy;
        return new FaqReply(
            text,
            hasMore ? [FullTextReply] : null,
            policy ? [Cite(entry)] : [],
            policy ? ReplyKind.Answer : ReplyKind.SmallTalk,
            Confident: policy,
            [],
            hasMore ? [entry.Id] : [],
            [entry]);
    }

    private async Task SendAsync(ITurnContext turnContext, FaqReply reply, FaqState state, CancellationToken cancellationToken)
    {
        state.Menu = [.. reply.Menu];
        state.FullTextEntryIds = [.. reply.FullTextEntryIds];
        await turnContext.SendActivityAsync(
            turnContext.Activity.CreateReply(reply.Text, reply.SuggestedReplies, reply.Sources, reply.Kind, reply.Confident),
            cancellationToken);
        foreach (var entry in reply.AnsweredWith)
        {
            hits.Count(entry.Id);
        }
    }

    private static SourceCitation Cite(KnowledgeEntry entry) => new(entry.Id, entry.Title, entry.Source);
}
