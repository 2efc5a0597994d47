namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>Who still owes the user the answer to an inbound message.</summary>
public enum WeChatInboundState
{
    /// <summary>Answered passively once the reply is there: the request or WeChat's retry carries it.</summary>
    Pending,

    /// <summary>The request was answered <c>success</c>; the answer goes out through the customer-service API.</summary>
    AwaitingCustomerService,

    /// <summary>The user was told to send anything; the answer rides on the user's next message.</summary>
    AwaitingNextMessage,

    Delivered,
}

/// <summary>
/// One message or event WeChat pushed to the account, kept so that WeChat's retries (same MsgId, up to
/// three attempts five seconds apart) reach the bot once and get the same reply, whichever instance
/// they land on. The row is inserted before the bot runs: the insert that wins the unique key owns the turn.
/// </summary>
public sealed class WeChatInboundMessage
{
    public long Id { get; set; }

    public const int DedupeKeyLength = 64;

    /// <summary>AppID:MsgId:a short hash of the sender (events: SHA-256 of AppID + FromUserName + CreateTime + Event); no OpenID in clear.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>SHA-256 of AppID + OpenID, to find answers still owed to the same user.</summary>
    public required string UserKeyHash { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public WeChatInboundState State { get; set; }

    /// <summary>How many times WeChat has sent this message (1 + retries).</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>The passive reply, rendered as plaintext XML (or <c>success</c>); null while the bot is still working.</summary>
    public string? ReplyXml { get; set; }

    /// <summary>The answer as plain text, for delivery on the user's next message.</summary>
    public string? ReplyText { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public const int SignatureKeyLength = 64;

    /// <summary>
    /// SHA-256 of the request's timestamp, nonce and signature. Unique: in plaintext and compatible mode the URL
    /// signature does not cover the body, so one signed URL is good for one message only, never for a second body
    /// posted with it. Null on rows that no request brought (answers owed).
    /// </summary>
    public string? SignatureKey { get; set; }

    public const int LeaseOwnerLength = 32;

    /// <summary>The claim running the turn: a new random id per claim, so a takeover is told apart from the owner.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>
    /// Until when the owner is known to be working on the turn (it renews while it runs). A retry that finds no
    /// answer and the lease run out takes the turn over: its owner died or was stopped.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
