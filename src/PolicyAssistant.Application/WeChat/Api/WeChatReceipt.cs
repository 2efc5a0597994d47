namespace PolicyAssistant.Application.WeChat.Api;

public enum WeChatReceiptKind
{
    /// <summary>TEMPLATESENDJOBFINISH: the outcome of one template message.</summary>
    TemplateMessage,

    /// <summary>MASSSENDJOBFINISH: the outcome of one mass send.</summary>
    MassSend,
}

/// <summary>WeChat's receipt on a push the product sent, kept for campaign statistics.</summary>
public sealed class WeChatReceipt
{
    public long Id { get; set; }

    public required string AppId { get; set; }

    public WeChatReceiptKind Kind { get; set; }

    /// <summary>The MsgID WeChat returned when the push was sent.</summary>
    public required string MsgId { get; set; }

    /// <summary>WeChat's status text, e.g. <c>success</c>, <c>failed:user block</c>, <c>send success</c>.</summary>
    public required string Status { get; set; }

    public int? TotalCount { get; set; }

    public int? FilterCount { get; set; }

    public int? SentCount { get; set; }

    public int? ErrorCount { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// What a feature makes of a new receipt (campaigns: the recipients' statuses). Runs in the transaction that
/// records the receipt, so a receipt WeChat retries is applied once.
/// </summary>
public interface IWeChatReceiptHandler
{
    Task ApplyAsync(PolicyAssistantDbContext db, WeChatReceipt receipt, CancellationToken cancellationToken);
}
