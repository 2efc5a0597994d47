using PolicyAssistant.Domain.Text;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Gateways;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>What a provider call, or a status query after an unanswered one, comes to for an outbound text: its status, retry and back-off.</summary>
public sealed class SmsAttemptOutcomes(
    ISmsGateway gateway,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SmsAttemptOutcomes> logger)
{
    // How long the dispatcher keeps asking about an unanswered call before it gives up on knowing.
    private static readonly TimeSpan StatusGiveUpAfter = TimeSpan.FromDays(1);

    private SmsOptions Options => options.Value;

    /// <summary>Settles the message from the provider's records; true only when the provider has certainly not got it.</summary>
    public async Task<bool> ReadyToResendAsync(SmsOutboundMessage message, CancellationToken cancellationToken)
    {
        var lastAttemptAt = message.LastAttemptAt!.Value;
        var status = await gateway.QueryStatusAsync(
            new SmsStatusQuery(message.BatchOutId ?? message.OutId, message.PhoneNumber, message.ProviderMessageId, lastAttemptAt), cancellationToken);
        var now = clock.UtcNow();
        switch (status)
        {
            case SmsDeliveryStatus.Delivered delivered:
                message.ProviderMessageId ??= delivered.ProviderMessageId;
                message.AcceptedAt ??= lastAttemptAt;
                message.DeliveredAt = delivered.DeliveredAt ?? now;
                Finish(message, SmsOutboundStatus.Delivered, null, null);
                return false;
            case SmsDeliveryStatus.Pending pending:
                message.ProviderMessageId ??= pending.ProviderMessageId;
                message.AcceptedAt ??= lastAttemptAt;
                Finish(message, SmsOutboundStatus.Accepted, null, null);
                return false;
            case SmsDeliveryStatus.Failed failed:
                message.ProviderMessageId ??= failed.ProviderMessageId;
                Finish(message, SmsOutboundStatus.Failed, failed.Code, failed.Message);
                return false;
            case SmsDeliveryStatus.NotFound when now - lastAttemptAt >= Options.Dispatch.StatusSettleDelay:
                if (message.Attempts >= Options.Dispatch.MaxAttempts)
                {
                    Finish(message, SmsOutboundStatus.Failed, "NotSent", $"Not taken by the provider after {message.Attempts} attempts.");
                    return false;
                }

                return true;
            case SmsDeliveryStatus.NotFound:
                // Too soon to trust an empty answer: the provider's records may lag the call.
                message.Status = SmsOutboundStatus.Unconfirmed;
                message.LeaseUntil = null;
                message.NextAttemptAt = lastAttemptAt + Options.Dispatch.StatusSettleDelay;
                return false;
            default:
                var reason = ((SmsDeliveryStatus.Unknown)status).Reason;
                if (now - lastAttemptAt >= StatusGiveUpAfter)
                {
                    Finish(message, SmsOutboundStatus.Failed, "StatusUnknown", reason);
                    return false;
                }

                message.Status = SmsOutboundStatus.Unconfirmed;
                message.LeaseUntil = null;
                message.NextAttemptAt = now + Backoff(message.Attempts);
                message.ErrorMessage = ColumnText.Truncate(reason, 500);
                return false;
        }
    }

    public void Record(SmsOutboundMessage message, SmsSendResult result)
    {
        var now = clock.UtcNow();
        switch (result)
        {
            case SmsSendResult.Accepted accepted:
                message.ProviderMessageId = accepted.ProviderMessageId;
                message.AcceptedAt = now;
                message.DeliveredAt = accepted.DeliveredAt;
                Finish(message, accepted.DeliveredAt is null ? SmsOutboundStatus.Accepted : SmsOutboundStatus.Delivered, null, null);
                break;
            case SmsSendResult.Rejected { Transient: true } rejected when message.Attempts < Options.Dispatch.MaxAttempts:
                message.Status = SmsOutboundStatus.Queued;
                message.LeaseUntil = null;
                message.NextAttemptAt = now + Backoff(message.Attempts);
                message.ErrorCode = ColumnText.Truncate(rejected.Code, 64);
                message.ErrorMessage = ColumnText.Truncate(rejected.Message, 500);
                logger.LogWarning("SMS {MessageId} was refused for now ({Code}); attempt {Attempt} of {MaxAttempts}.", message.Id, rejected.Code, message.Attempts, Options.Dispatch.MaxAttempts);
                break;
            case SmsSendResult.Rejected rejected:
                Finish(message, SmsOutboundStatus.Failed, rejected.Code, rejected.Message);
                logger.LogError("SMS {MessageId} failed for good: {Code}.", message.Id, rejected.Code);
                break;
            case SmsSendResult.Unknown unknown:
                message.Status = SmsOutboundStatus.Unconfirmed;
                message.LeaseUntil = null;
                message.NextAttemptAt = now + Options.Dispatch.StatusSettleDelay;
                message.ErrorCode = "Unconfirmed";
                message.ErrorMessage = ColumnText.Truncate(unknown.Reason, 500);
                logger.LogWarning("SMS {MessageId} got no answer; its status is checked before any retry.", message.Id);
                break;
        }
    }

    public static void Finish(SmsOutboundMessage message, SmsOutboundStatus status, string? code, string? text)
    {
        message.Status = status;
        message.LeaseUntil = null;
        message.ErrorCode = code is null ? null : ColumnText.Truncate(code, 64);
        message.ErrorMessage = text is null ? null : ColumnText.Truncate(text, 500);
    }

    private TimeSpan Backoff(int attempts)
    {
        var dispatch = Options.Dispatch;
        var exponential = dispatch.FirstRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = exponential < dispatch.MaxRetryDelay ? exponential : dispatch.MaxRetryDelay;
        return capped * (1 + Random.Shared.NextDouble() * 0.2);
    }
}
