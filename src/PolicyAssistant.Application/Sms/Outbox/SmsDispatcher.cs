using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>
/// Sends what <see cref="SmsQueue"/> queued: claims due texts with a lease and hands them to the gateway, one by one
/// or, for campaign texts, in batch calls. What each call (or status query) comes to is recorded by
/// <see cref="SmsAttemptOutcomes"/>; receipts settle the rest (<see cref="SmsReceiptRecorder"/>). A provider call
/// without an answer is never simply repeated: the provider is asked first, so one message is sent at most once.
/// </summary>
public sealed class SmsDispatcher(
    PolicyAssistantDbContext db,
    ISmsGateway gateway,
    SmsAttemptOutcomes outcomes,
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
            handled += await DispatchCampaignBatchAsync(batchGateway, cancellationToken);
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

    /// <summary>
    /// Claims up to one call's worth of due campaign texts that read the same (sign name, template, text),
    /// skips the opted-out, and sends the rest in one batch call under one new OutId recorded on each.
    /// </summary>
    private async Task<int> DispatchCampaignBatchAsync(ISmsBatchGateway batchGateway, CancellationToken cancellationToken)
    {
        var claimed = await ClaimCampaignBatchAsync(batchGateway.MaxBatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var phoneNumbers = claimed.Select(m => m.PhoneNumber).ToList();
        var optedOut = await db.Set<SmsOptOut>().AsNoTracking()
            .Where(o => phoneNumbers.Contains(o.PhoneNumber))
            .Select(o => o.PhoneNumber)
            .ToListAsync(cancellationToken);
        var attemptAt = clock.UtcNow();
        foreach (var message in claimed)
        {
            if (optedOut.Contains(message.PhoneNumber))
            {
                message.BatchOutId = null;
                SmsAttemptOutcomes.Finish(message, SmsOutboundStatus.Skipped, "OptedOut", "");
            }
            else
            {
                // Counted before the call, as for a single text: a crash from here on leaves rows that are checked, not re-sent.
                message.Attempts++;
                message.LastAttemptAt = attemptAt;
            }
        }

        await db.SaveWhatStillHoldsAsync(cancellationToken);
        var members = claimed.Where(m => m.Status == SmsOutboundStatus.Sending && db.Entry(m).State != EntityState.Detached).ToList();
        if (members.Count > 0)
        {
            var first = members[0];
            var batch = new SmsBatch(first.BatchOutId!, members.Select(m => m.PhoneNumber).ToList(), first.Kind, first.SignName, first.TemplateCode, TemplateParams(first), first.Text);
            var results = await batchGateway.SendBatchAsync(batch, cancellationToken);
            for (var i = 0; i < members.Count; i++)
            {
                outcomes.Record(members[i], results[i]);
            }

            await db.SaveWhatStillHoldsAsync(cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>
    /// Takes the oldest due campaign text's fellows (same sign name, template and text, each number once)
    /// with one conditional UPDATE, so a row another dispatcher claimed first is not taken twice; returns
    /// the claimed rows, tracked.
    /// </summary>
    private async Task<List<SmsOutboundMessage>> ClaimCampaignBatchAsync(int maxBatchSize, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var ready = ReadyForBatch(now);
        var oldest = await Messages.AsNoTracking().Where(ready)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new { m.SignName, m.TemplateCode, m.TemplateParamsJson, m.Text })
            .FirstOrDefaultAsync(cancellationToken);
        if (oldest is null)
        {
            return [];
        }

        var candidates = await Messages.AsNoTracking().Where(ready)
            .Where(m => m.SignName == oldest.SignName && m.TemplateCode == oldest.TemplateCode
                && m.TemplateParamsJson == oldest.TemplateParamsJson && m.Text == oldest.Text)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.PhoneNumber })
            .Take(maxBatchSize)
            .ToListAsync(cancellationToken);
        // A number twice in one call would share its OutId and BizId, and no receipt could tell the two apart; the second waits for the next call.
        var ids = candidates.DistinctBy(c => c.PhoneNumber).Select(c => c.Id).ToList();

        var batchOutId = "batch-" + Guid.NewGuid().ToString("N");
        var leaseUntil = now + Options.Dispatch.SendingLease;
        await Messages.Where(m => ids.Contains(m.Id)).Where(ready).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, SmsOutboundStatus.Sending)
            .SetProperty(m => m.LeaseUntil, leaseUntil)
            .SetProperty(m => m.BatchOutId, batchOutId), cancellationToken);

        // Rows this round already tracks (released after a check) must be read afresh, not served stale by the change tracker.
        foreach (var entry in db.ChangeTracker.Entries<SmsOutboundMessage>().Where(e => ids.Contains(e.Entity.Id)).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return await Messages.Where(m => m.BatchOutId == batchOutId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Due campaign texts that may go in a batch: queued, or claimed by a dispatcher that lapsed before any
    /// call. A lapsed claim after a call, or an unanswered call, is checked one by one first.
    /// </summary>
    private static Expression<Func<SmsOutboundMessage, bool>> ReadyForBatch(DateTime now) => m =>
        m.Kind == SmsKind.Campaign
        && ((m.Status == SmsOutboundStatus.Queued && m.NextAttemptAt <= now)
            || (m.Status == SmsOutboundStatus.Sending && m.LeaseUntil <= now && m.LastAttemptAt == null));

    private static bool IsDue(SmsOutboundMessage message, DateTime now) => message.Status switch
    {
        SmsOutboundStatus.Queued or SmsOutboundStatus.Unconfirmed => message.NextAttemptAt <= now,
        SmsOutboundStatus.Sending => message.LeaseUntil <= now,
        _ => false,
    };

    private static SmsMessage ToGatewayMessage(SmsOutboundMessage message) => new(
        message.OutId, message.PhoneNumber, message.Kind, message.SignName, message.TemplateCode, TemplateParams(message), message.Text);

    private static Dictionary<string, string> TemplateParams(SmsOutboundMessage message) =>
        message.TemplateParamsJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(message.TemplateParamsJson) ?? [];
}
