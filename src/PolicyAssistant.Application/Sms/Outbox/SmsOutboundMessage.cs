namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>
/// One text to one phone, from the moment it is queued until the provider reports it delivered or it
/// fails for good. The row is the durable outbox: nothing is sent that is not first stored here, and
/// <see cref="OutId"/> is the provider's idempotency hint and our unique key.
/// </summary>
public sealed class SmsOutboundMessage
{
    public long Id { get; set; }

    public required string OutId { get; set; }

    public required string PhoneNumber { get; set; }

    public SmsKind Kind { get; set; }

    /// <summary>The body as the recipient reads it (without the 【sign name】).</summary>
    public required string Text { get; set; }

    public required string SignName { get; set; }

    public string? TemplateCode { get; set; }

    /// <summary>Template parameters as a JSON object.</summary>
    public string? TemplateParamsJson { get; set; }

    public int SegmentCount { get; set; }

    public SmsOutboundStatus Status { get; set; }

    /// <summary>Provider calls made so far (sends, not status queries).</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>While <see cref="SmsOutboundStatus.Sending"/>: when the claim lapses and another dispatcher re-checks it.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>When the last attempt without an answer happened; the status query looks around it.</summary>
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>
    /// The OutId of the batch call (Aliyun SendBatchSms, one OutId for up to 100 numbers) that last carried
    /// it; null when its last call was its own. Receipts and status queries find it by this and its number.
    /// </summary>
    public string? BatchOutId { get; set; }

    /// <summary>The provider's id (Aliyun BizId, shared by a whole batch; Tencent SerialNo).</summary>
    public string? ProviderMessageId { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>The inbound text this answers, if any.</summary>
    public long? InReplyToId { get; set; }
}
