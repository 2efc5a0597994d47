namespace PolicyAssistant.Conversation.Turns;

public static class ActivityTypes
{
    public const string Message = "message";

    /// <summary>A channel event: follow, unfollow, menu click, delivery report.</summary>
    public const string Event = "event";
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
    public Activity CreateReply(string text, IReadOnlyList<string>? suggestedReplies = null, IReadOnlyList<SourceCitation>? sources = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ConversationId = ConversationId,
        From = Recipient,
        Recipient = From,
        Text = text,
        SuggestedReplies = suggestedReplies ?? [],
        Sources = sources ?? [],
    };
}
