namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>A phone number that asked for no more campaign texts. Replies and verification codes still go.</summary>
public sealed class SmsOptOut
{
    public required string PhoneNumber { get; set; }

    /// <summary>The word the person sent (R, TD, 退订, …), after folding.</summary>
    public required string Keyword { get; set; }

    public DateTime OptedOutAt { get; set; }
}

public static class SmsOptOuts
{
    /// <summary>Whether the (normalised) number opted out; the queue and the dispatcher both ask before a campaign text.</summary>
    public static Task<bool> IsOptedOutAsync(this PolicyAssistantDbContext db, string phoneNumber, CancellationToken cancellationToken) =>
        db.Set<SmsOptOut>().AnyAsync(o => o.PhoneNumber == phoneNumber, cancellationToken);
}
