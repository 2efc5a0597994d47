namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>The rest of an answer that did not fit in one reply; "1" sends the next part.</summary>
public sealed class SmsContinuation
{
    public required string PhoneNumber { get; set; }

    public required string RemainingText { get; set; }

    public DateTime CreatedAt { get; set; }
}
