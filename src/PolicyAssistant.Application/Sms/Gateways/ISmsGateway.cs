namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>The provider behind the SMS channel: Aliyun, Tencent, or the embedded outbox.</summary>
public interface ISmsGateway
{
    /// <summary>
    /// One provider call. Not idempotent at the provider: a <see cref="SmsSendResult.Unknown"/> result
    /// must be followed by <see cref="QueryStatusAsync"/> before the message is sent again.
    /// </summary>
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);

    /// <summary>Asks the provider what became of a message; never sends.</summary>
    Task<SmsDeliveryStatus> QueryStatusAsync(SmsStatusQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// A provider that can send one text to many numbers in one call. Campaign texts go this way; the
/// dispatcher falls back to one <see cref="ISmsGateway.SendAsync"/> per message for gateways without it.
/// </summary>
public interface ISmsBatchGateway : ISmsGateway
{
    /// <summary>Most numbers one call takes.</summary>
    int MaxBatchSize { get; }

    /// <summary>
    /// One provider call for every number of <paramref name="batch"/>; the result holds one outcome per
    /// number, in the order of <see cref="SmsBatch.PhoneNumbers"/>. As with SendAsync, a number whose outcome
    /// is <see cref="SmsSendResult.Unknown"/> is asked about (QueryStatusAsync with the batch's OutId)
    /// before it is sent again.
    /// </summary>
    Task<IReadOnlyList<SmsSendResult>> SendBatchAsync(SmsBatch batch, CancellationToken cancellationToken);
}

/// <summary>A text ready for the provider.</summary>
/// <param name="OutId">Our idempotency key, echoed in receipts.</param>
/// <param name="Text">The body as the recipient reads it, without the sign name.</param>
public sealed record SmsMessage(
    string OutId,
    string PhoneNumber,
    SmsKind Kind,
    string SignName,
    string? TemplateCode,
    IReadOnlyDictionary<string, string> TemplateParams,
    string Text)
{
    /// <summary>The same text as a batch of one, for providers whose one call serves both.</summary>
    public SmsBatch AsBatch() => new(OutId, [PhoneNumber], Kind, SignName, TemplateCode, TemplateParams, Text);
}

/// <summary>One text for several numbers, sent in one call.</summary>
/// <param name="OutId">The call's idempotency key (one per call, not per number), echoed in every number's receipt.</param>
public sealed record SmsBatch(
    string OutId,
    IReadOnlyList<string> PhoneNumbers,
    SmsKind Kind,
    string SignName,
    string? TemplateCode,
    IReadOnlyDictionary<string, string> TemplateParams,
    string Text);

public abstract record SmsSendResult
{
    private SmsSendResult()
    {
    }

    /// <summary>The provider took the message. <paramref name="DeliveredAt"/> is set when it is known delivered at once (the outbox).</summary>
    public sealed record Accepted(string ProviderMessageId, DateTime? DeliveredAt = null) : SmsSendResult;

    /// <summary>The provider refused it and did not send it; <paramref name="Transient"/> means a later try may succeed.</summary>
    public sealed record Rejected(string Code, string Message, bool Transient) : SmsSendResult;

    /// <summary>No answer (time-out, broken response, provider system error): it may or may not have been sent.</summary>
    public sealed record Unknown(string Reason) : SmsSendResult;
}

/// <param name="OutId">The OutId of the call that carried the message: its own, or its batch's.</param>
/// <param name="SentAt">When the unanswered call was made (UTC); providers look messages up by day.</param>
public sealed record SmsStatusQuery(string OutId, string PhoneNumber, string? ProviderMessageId, DateTime SentAt);

public abstract record SmsDeliveryStatus
{
    private SmsDeliveryStatus()
    {
    }

    /// <summary>The provider has no record of it: it was not sent.</summary>
    public sealed record NotFound : SmsDeliveryStatus;

    /// <summary>Taken, waiting for the handset's receipt.</summary>
    public sealed record Pending(string? ProviderMessageId) : SmsDeliveryStatus;

    public sealed record Delivered(string? ProviderMessageId, DateTime? DeliveredAt) : SmsDeliveryStatus;

    /// <summary>Taken but not delivered (number off, blocked, …): sending it again would not help.</summary>
    public sealed record Failed(string? ProviderMessageId, string Code, string Message) : SmsDeliveryStatus;

    /// <summary>The query itself got no usable answer; ask again later.</summary>
    public sealed record Unknown(string Reason) : SmsDeliveryStatus;
}
