namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>A text a person sent to the county's number, stored before it is acknowledged to the provider.</summary>
public sealed class SmsInboundMessage
{
    public long Id { get; set; }

    /// <summary>The provider's message id (Aliyun sequence_id); unique, so provider retries are dropped.</summary>
    public required string SequenceId { get; set; }

    public required string PhoneNumber { get; set; }

    public required string Content { get; set; }

    public string? SignName { get; set; }

    /// <summary>The extension the text was sent to (Aliyun dest_code).</summary>
    public string? DestCode { get; set; }

    /// <summary>When the person sent it, as the provider says; null when it could not be read.</summary>
    public DateTime? SentAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    public SmsInboundStatus Status { get; set; }

    public SmsInboundOutcome Outcome { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>Why processing failed (exception type only: no personal data).</summary>
    public string? Error { get; set; }
}
