namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// A text "sent" by the embedded outbox gateway: kept here instead of going to a provider, for local use,
/// the back office and tests.
/// </summary>
public sealed class OutboxGatewayEntry
{
    public long Id { get; set; }

    public required string OutId { get; set; }

    public required string PhoneNumber { get; set; }

    public SmsKind Kind { get; set; }

    public required string SignName { get; set; }

    public string? TemplateCode { get; set; }

    public string? TemplateParamsJson { get; set; }

    public required string Text { get; set; }

    public int SegmentCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime DeliveredAt { get; set; }
}
