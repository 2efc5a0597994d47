namespace PolicyAssistant.Conversation.Turns;

public static class ActivityTypes
{
    public const string Message = "message";

    /// <summary>A channel event: follow, unfollow, menu click, receipt.</summary>
    public const string Event = "event";
}

/// <summary>
/// What a reply is, so a client (and any measurement) can tell an answer it may act on from a menu, a refusal or
/// a question back. Only <see cref="Answer"/> and <see cref="Personal"/> can be confident.
/// </summary>
public enum ReplyKind
{
    /// <summary>A step of a running dialog: a prompt, a confirmation, a cancellation.</summary>
    Dialog,

    /// <summary>A policy answer from the knowledge base.</summary>
    Answer,

    /// <summary>A "did you mean 1/2/3" menu: the bot was not sure.</summary>
    Choices,

    /// <summary>Outside what the bot answers, or nothing it could read.</summary>
    OutOfScope,

    /// <summary>Greeting, thanks, help, goodbye.</summary>
    SmallTalk,

    /// <summary>Binding the user's identity, or the offer to bind before a household's own record is shown.</summary>
    Binding,

    /// <summary>The bound household's own record.</summary>
    Personal,

    /// <summary>The hospital-bill estimate: its questions and its result.</summary>
    Estimate,
}

/// <summary>Who sent or receives an activity: an OpenID, a phone number, a web visitor id.</summary>
public sealed record ChannelAccount(string Id, string? Name = null);

/// <summary>A policy document an answer rests on, so every channel can cite it.</summary>
public sealed record SourceCitation(string EntryId, string Title, string Source);

/// <summary>An article card (WeChat "news"): one title, a short description and a link.</summary>
public sealed record CardAttachment(string Title, string Description, string? Url = null, string? PictureUrl = null);

/// <summary>
/// One message or event, in either direction. Channels translate their wire format to and from it;
/// the bot sees nothing else.
/// </summary>
public sealed class Activity
{
    public required string Type { get; init; }

    /// <summary>The channel's message id (WeChat MsgId, SMS sequence id); used to drop retries.</summary>
    public string? Id { get; init; }

    public required string ChannelId { get; init; }

    public required ChannelAccount From { get; init; }

    public required ChannelAccount Recipient { get; init; }

    /// <summary>One conversation per user per channel: state and transcripts are keyed by it.</summary>
    public required string ConversationId { get; init; }

    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;

    public string? Text { get; init; }

    /// <summary>Event name (subscribe, unsubscribe, click, …) when <see cref="Type"/> is an event.</summary>
    public string? Name { get; init; }

    /// <summary>Event payload, such as a menu key.</summary>
    public string? Value { get; init; }

    public IReadOnlyList<string> SuggestedReplies { get; init; } = [];

    public IReadOnlyList<SourceCitation> Sources { get; init; } = [];

    public IReadOnlyList<CardAttachment> Cards { get; init; } = [];

    /// <summary>What a reply is; null when the sender did not say (a channel then treats it as a dialog step).</summary>
    public ReplyKind? Kind { get; init; }

    /// <summary>The bot answered and stands by the answer (false for menus, refusals and questions back).</summary>
    public bool Confident { get; init; }

    public static Activity CreateMessage(string channelId, string conversationId, ChannelAccount from, ChannelAccount recipient, string text, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = channelId,
        ConversationId = conversationId,
        From = from,
        Recipient = recipient,
        Text = text,
    };

    /// <summary>A reply in the same conversation, addressed back to the sender.</summary>
    public Activity CreateReply(string text, IReadOnlyList<string>? suggestedReplies = null, IReadOnlyList<SourceCitation>? sources = null, ReplyKind? kind = null, bool confident = false) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ConversationId = ConversationId,
        From = Recipient,
        Recipient = From,
        Text = text,
        SuggestedReplies = suggestedReplies ?? [],
        Sources = sources ?? [],
        Kind = kind,
        Confident = confident,
    };
}
