namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>A phone number that asked for no more campaign texts. Replies and verification codes still go.</summary>
public sealed class SmsOptOut
{
    public required string PhoneNumber { get; set; }

    /// <summary>The word the person sent (R, TD, 退订, …), after folding.</summary>
    public required string Keyword { get; set; }

    public DateTime OptedOutAt { get; set; }
}
