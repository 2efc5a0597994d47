using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>
/// Campaign texts that read the same, sent together in one batch call (Aliyun SendBatchSms, Tencent SendSms with
/// many numbers), for <see cref="SmsDispatcher"/> when the gateway takes batches.
/// </summary>
public sealed class SmsCampaignBatches(
    PolicyAssistantDbContext db,
    SmsAttemptOutcomes outcomes,
    IOptions<SmsOptions> options,
    TimeProvider clock)
{
    private DbSet<SmsOutboundMessage> Messages => db.Set<SmsOutboundMessage>();

    /// <summary>
    /// Claims up to one call's worth of due campaign texts that read the same (sign name, template, text),
    /// skips the opted-out, and sends the rest in one batch call under one new OutId recorded on each.
    /// </summary>
    public async Task<int> DispatchAsync(ISmsBatchGateway batchGateway, CancellationToken cancellationToken)
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
            var batch = new SmsBatch(first.BatchOutId!, members.Select(m => m.PhoneNumber).ToList(), first.Kind, first.SignName, first.TemplateCode, SmsDispatcher.TemplateParams(first), first.Text);
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
        var leaseUntil = now + options.Value.Dispatch.SendingLease;
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
}
