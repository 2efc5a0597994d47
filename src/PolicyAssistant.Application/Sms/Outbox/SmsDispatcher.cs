using System.Text.Json;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>
/// Sends what <see cref="SmsQueue"/> queued: claims due texts with a lease and hands them to the gateway, one by one
/// or, for campaign texts, in batch calls (<see cref="SmsCampaignBatches"/>). What each call (or status query) comes to is recorded by
/// <see cref="SmsAttemptOutcomes"/>; receipts settle the rest (<see cref="SmsReceiptRecorder"/>). A provider call
/// without an answer is never simply repeated: the provider is asked first, so one message is sent at most once.
/// </summary>
public sealed class SmsDispatcher(
    PolicyAssistantDbContext db,
    ISmsGateway gateway,
    SmsAttemptOutcomes outcomes,
    SmsCampaignBatches campaignBatches,
    IOptions<SmsOptions> options,
    TimeProvider clock)
{
    private SmsOptions Options => options.Value;

    private DbSet<SmsOutboundMessage> Messages => db.Set<SmsOutboundMessage>();

    // Only campaign texts go in batches: the provider delivers batches a little later, which codes and replies cannot afford.
    private ISmsBatchGateway? BatchGateway => gateway as ISmsBatchGateway;

    /// <summary>
    /// One round: sends (or re-checks) up to Dispatch:BatchSize due messages one by one, then, when the
    /// gateway takes batches, one batch call of due campaign texts; returns how many messages it handled.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var due = Messages.AsNoTracking()
            .Where(m => ((m.Status == SmsOutboundStatus.Queued || m.Status == SmsOutboundStatus.Unconfirmed) && m.NextAttemptAt <= now)
                || (m.Status == SmsOutboundStatus.Sending && m.LeaseUntil <= now));
        if (BatchGateway is not null)
        {
            // Campaign texts wait for the batch call below, unless an earlier call must be checked first.
            due = due.Where(m => m.Kind != SmsKind.Campaign
                || (m.LastAttemptAt != null && (m.Status == SmsOutboundStatus.Sending || m.Status == SmsOutboundStatus.Unconfirmed)));
        }

        var ids = await due
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Options.Dispatch.BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in ids)
        {
            if (await DispatchAsync(id, cancellationToken))
            {
                handled++;
            }
        }

        if (BatchGateway is { } batchGateway)
        {
            handled += await campaignBatches.DispatchAsync(batchGateway, cancellationToken);
        }

        return handled;
    }

    private async Task<bool> DispatchAsync(long id, CancellationToken cancellationToken)
    {
        var message = await Messages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var now = clock.UtcNow();
        if (message is null || !IsDue(message, now))
        {
            return false;
        }

        // A lapsed claim or an unanswered call may have reached the provider: ask before sending again.
        var mustCheck = message.LastAttemptAt is not null && message.Status is SmsOutboundStatus.Sending or SmsOutboundStatus.Unconfirmed;
        message.Status = SmsOutboundStatus.Sending;
        message.LeaseUntil = now + Options.Dispatch.SendingLease;
        if (mustCheck)
        {
            if (!await db.TrySaveAsync(message, cancellationToken))
            {
                return false;
            }

            if (!await outcomes.ReadyToResendAsync(message, cancellationToken))
            {
                await db.TrySaveAsync(message, cancellationToken);
                return true;
            }

            if (message.Kind == SmsKind.Campaign && BatchGateway is not null)
            {
                // Certainly not sent: back to the queue, where the next batch call takes it.
                message.Status = SmsOutboundStatus.Queued;
                message.LeaseUntil = null;
                message.NextAttemptAt = clock.UtcNow();
                await db.TrySaveAsync(message, cancellationToken);
                return true;
            }
        }

        if (message.Kind == SmsKind.Campaign && await db.IsOptedOutAsync(message.PhoneNumber, cancellationToken))
        {
            SmsAttemptOutcomes.Finish(message, SmsOutboundStatus.Skipped, "OptedOut", "");
            await db.TrySaveAsync(message, cancellationToken);
            return true;
        }

        // Claimed and counted before the call: from here on a crash leaves a row that is checked, not re-sent.
        message.Attempts++;
        message.LastAttemptAt = clock.UtcNow();
        message.BatchOutId = null;
        if (!await db.TrySaveAsync(message, cancellationToken))
        {
            return false;
        }

        var result = await gateway.SendAsync(ToGatewayMessage(message), cancellationToken);
        outcomes.Record(message, result);
        await db.TrySaveAsync(message, cancellationToken);
        return true;
    }

    private static bool IsDue(SmsOutboundMessage message, DateTime now) => message.Status switch
    {
        SmsOutboundStatus.Queued or SmsOutboundStatus.Unconfirmed => message.NextAttemptAt <= now,
        SmsOutboundStatus.Sending => message.LeaseUntil <= now,
        _ => false,
    };

    private static SmsMessage ToGatewayMessage(SmsOutboundMessage message) => new(
        message.OutId, message.PhoneNumber, message.Kind, message.SignName, message.TemplateCode, TemplateParams(message), message.Text);

    internal static Dictionary<string, string> TemplateParams(SmsOutboundMessage message) =>
        message.TemplateParamsJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(message.TemplateParamsJson) ?? [];
}
