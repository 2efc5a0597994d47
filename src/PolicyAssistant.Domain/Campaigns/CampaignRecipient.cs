namespace PolicyAssistant.Domain.Campaigns;

/// <summary>The route a recipient goes by.</summary>
public enum RecipientChannel
{
    /// <summary>群发 (or a template message): the account's own push.</summary>
    WeChat = 1,

    Sms = 2,

    /// <summary>客服消息: allowed only within 48 hours of the follower's last message, and not counted against the mass sends.</summary>
    CustomerService = 3,
}

public enum RecipientStatus
{
    Queued = 0,

    /// <summary>Claimed by a sender under a lease; a lapsed lease is taken over.</summary>
    Sending = 1,

    /// <summary>The gateway took it.</summary>
    Sent = 2,

    Delivered = 3,

    /// <summary>Read: the recipient opened their own link from a template message (WeChat reports no reading).</summary>
    Read = 4,

    Failed = 5,

    OptedOut = 6,

    /// <summary>Stopped by a cancellation before it went.</summary>
    Cancelled = 7,

    /// <summary>
    /// Subscription account: the follower is under the message's WeChat tag, waiting for the one mass send to the tag,
    /// which goes when none of the message's WeChat rows is left to tag.
    /// </summary>
    Tagged = 8,
}

/// <summary>
/// One row of the durable outbox: one recipient of one message. Written set-based when the message is
/// scheduled; the sender claims rows with a lease and records what the gateway said.
/// </summary>
public sealed class CampaignRecipient
{
    public long Id { get; set; }

    public int MessageId { get; set; }

    public int MemberId { get; set; }

    public int HouseholdId { get; set; }

    public int VillageId { get; set; }

    public RecipientChannel Channel { get; set; }

    public RecipientStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>UTC Unix milliseconds.</summary>
    public long NextAttemptAt { get; set; }

    public string? ClaimedBy { get; set; }

    /// <summary>UTC Unix milliseconds.</summary>
    public long? LeaseUntil { get; set; }

    /// <summary>The idempotency key of the call that carries it: WeChat's clientmsgid, the SMS OutId.</summary>
    public string? SendKey { get; set; }

    public string? ProviderMessageId { get; set; }

    /// <summary>
    /// UTC Unix milliseconds; set just before a call WeChat cannot recognise as a repeat (customer-service and
    /// template messages carry no clientmsgid). A row found again with it set may have gone, and is not sent again.
    /// </summary>
    public long? HandedOverAt { get; set; }

    public const int MaxErrorLength = 200;

    /// <summary>Why the row failed or waits, in Chinese, at most <see cref="MaxErrorLength"/> characters.</summary>
    public string? Error { get; set; }

    /// <summary>The unguessable part of the recipient's own link (/r/{token}) in a template message: opening it marks the row read.</summary>
    public string? ReadToken { get; set; }

    /// <summary>UTC Unix milliseconds.</summary>
    public long? SentAt { get; set; }
}
