using PolicyAssistant.Domain.Text;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>A text to queue. <paramref name="OutId"/> is the caller's idempotency key: queuing it twice queues it once.</summary>
public sealed record SmsOutboundRequest(
    string OutId,
    string PhoneNumber,
    SmsKind Kind,
    string Text,
    IReadOnlyDictionary<string, string>? TemplateParams = null,
    long? InReplyToId = null);

public abstract record SmsEnqueueResult
{
    private SmsEnqueueResult()
    {
    }

    public sealed record Queued(long MessageId, int SegmentCount) : SmsEnqueueResult;

    /// <summary>A message with this OutId exists already; nothing new was queued.</summary>
    public sealed record AlreadyQueued(long MessageId) : SmsEnqueueResult;

    /// <summary>A campaign text to a number that opted out: recorded as skipped, not sent.</summary>
    public sealed record Skipped(long MessageId) : SmsEnqueueResult;

    /// <summary>The number has had its share of this kind of text in the current window.</summary>
    public sealed record RateLimited : SmsEnqueueResult;

    public sealed record InvalidPhoneNumber : SmsEnqueueResult;
}

/// <summary>What a delivery receipt says about one message.</summary>
/// <param name="PhoneNumber">The number it went to; needed for a message sent in a batch, whose OutId and BizId its batch shares.</param>
public sealed record SmsReceipt(string? OutId, string? ProviderMessageId, bool Success, string? ErrorCode, string? ErrorMessage, DateTime? ReportedAt, string? PhoneNumber = null);

/// <summary>
/// The outbound pipeline over the SmsOutboundMessages table: queue, send with retries and back-off,
/// and settle (receipts: <see cref="SmsReceiptRecorder"/>). A provider call without an answer is never simply repeated: the provider is
/// asked first, so one message is sent at most once.
/// </summary>
public sealed class SmsSender(
    PolicyAssistantDbContext db,
    ISmsGateway gateway,
    SmsSignals signals,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SmsSender> logger)
{
    // How long the dispatcher keeps asking about an unanswered call before it gives up on knowing.
    private static readonly TimeSpan StatusGiveUpAfter = TimeSpan.FromDays(1);

    private SmsOptions Options => options.Value;

    private DbSet<SmsOutboundMessage> Messages => db.Set<SmsOutboundMessage>();

    // Only campaign texts go in batches: the provider delivers batches a little later, which codes and replies cannot afford.
    private ISmsBatchGateway? BatchGateway => gateway as ISmsBatchGateway;

    public Task<SmsEnqueueResult> EnqueueReplyAsync(string phoneNumber, string text, string outId, long? inReplyToId, CancellationToken cancellationToken) =>
        EnqueueAsync(new SmsOutboundRequest(outId, phoneNumber, SmsKind.Reply, text, InReplyToId: inReplyToId), cancellationToken);

    public Task<SmsEnqueueResult> EnqueueVerificationCodeAsync(string phoneNumber, string code, string outId, CancellationToken cancellationToken) =>
        EnqueueAsync(new SmsOutboundRequest(outId, phoneNumber, SmsKind.VerificationCode, $"您的验证码是{code}，请勿告诉他人。",
            new Dictionary<string, string> { ["code"] = code }), cancellationToken);

    public Task<SmsEnqueueResult> EnqueueCampaignAsync(string phoneNumber, string text, string outId, CancellationToken cancellationToken) =>
        EnqueueAsync(new SmsOutboundRequest(outId, phoneNumber, SmsKind.Campaign, text), cancellationToken);

    public async Task<SmsEnqueueResult> EnqueueAsync(SmsOutboundRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.OutId) || request.OutId.Length > 64)
        {
            throw new ArgumentException("An OutId of 1 to 64 characters is required.", nameof(request));
        }

        if (PhoneNumber.Normalize(request.PhoneNumber) is not { } phoneNumber)
        {
            return new SmsEnqueueResult.InvalidPhoneNumber();
        }

        if (await FindIdAsync(request.OutId, cancellationToken) is { } existingId)
        {
            return new SmsEnqueueResult.AlreadyQueued(existingId);
        }

        var now = clock.UtcNow();
        if (request.Kind == SmsKind.VerificationCode && await IsOverVerificationLimitAsync(phoneNumber, now, cancellationToken))
        {
            return new SmsEnqueueResult.RateLimited();
        }

        var message = Compose(request, phoneNumber, now);
        var skipped = request.Kind == SmsKind.Campaign && await IsOptedOutAsync(phoneNumber, cancellationToken);
        if (skipped)
        {
            message.Status = SmsOutboundStatus.Skipped;
            message.ErrorCode = "OptedOut";
        }

        Messages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another caller queued the same OutId between our check and our insert.
            db.Entry(message).State = EntityState.Detached;
            if (await FindIdAsync(request.OutId, cancellationToken) is not { } racedId)
            {
                throw;
            }

            return new SmsEnqueueResult.AlreadyQueued(racedId);
        }

        if (skipped)
        {
            return new SmsEnqueueResult.Skipped(message.Id);
        }

        signals.NotifyOutbound();
        return new SmsEnqueueResult.Queued(message.Id, message.SegmentCount);
    }

    private Task<long?> FindIdAsync(string outId, CancellationToken cancellationToken) =>
        Messages.AsNoTracking().Where(m => m.OutId == outId).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> IsOptedOutAsync(string phoneNumber, CancellationToken cancellationToken) =>
        db.Set<SmsOptOut>().AnyAsync(o => o.PhoneNumber == phoneNumber, cancellationToken);

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

            if (!await ReadyToResendAsync(message, cancellationToken))
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

        if (message.Kind == SmsKind.Campaign && await IsOptedOutAsync(message.PhoneNumber, cancellationToken))
        {
            Finish(message, SmsOutboundStatus.Skipped, "OptedOut", "");
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
        Record(message, result);
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
                Finish(message, SmsOutboundStatus.Skipped, "OptedOut", "");
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
                Record(members[i], results[i]);
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

    /// <summary>Settles the message from the provider's records; true only when the provider has certainly not got it.</summary>
    private async Task<bool> ReadyToResendAsync(SmsOutboundMessage message, CancellationToken cancellationToken)
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

    private void Record(SmsOutboundMessage message, SmsSendResult result)
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

    private static void Finish(SmsOutboundMessage message, SmsOutboundStatus status, string? code, string? text)
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

    private async Task<bool> IsOverVerificationLimitAsync(string phoneNumber, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - Options.Limits.Window;
        var sent = await Messages.CountAsync(
            m => m.PhoneNumber == phoneNumber && m.Kind == SmsKind.VerificationCode && m.CreatedAt > since, cancellationToken);
        return sent >= Options.Limits.VerificationCodesPerWindow;
    }

    private SmsOutboundMessage Compose(SmsOutboundRequest request, string phoneNumber, DateTime now)
    {
        var options = Options;
        var text = request.Text.Trim();
        if (request.Kind == SmsKind.Campaign && !text.EndsWith(SmsText.OptOutFooter, StringComparison.Ordinal))
        {
            text += SmsText.OptOutFooter;
        }

        var templateParams = request.TemplateParams ?? new Dictionary<string, string> { ["content"] = text };
        return new SmsOutboundMessage
        {
            OutId = request.OutId,
            PhoneNumber = phoneNumber,
            Kind = request.Kind,
            Text = text,
            SignName = options.SignName,
            TemplateCode = request.Kind switch
            {
                SmsKind.VerificationCode => options.Templates.VerificationCode,
                SmsKind.Campaign => options.Templates.Campaign,
                _ => options.Templates.Reply,
            },
            TemplateParamsJson = SmsJson.Serialize(templateParams),
            SegmentCount = SmsSegmenter.CountSegments(text, options.SignName),
            Status = SmsOutboundStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
            InReplyToId = request.InReplyToId,
        };
    }

    private static SmsMessage ToGatewayMessage(SmsOutboundMessage message) => new(
        message.OutId, message.PhoneNumber, message.Kind, message.SignName, message.TemplateCode, TemplateParams(message), message.Text);

    private static Dictionary<string, string> TemplateParams(SmsOutboundMessage message) =>
        message.TemplateParamsJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(message.TemplateParamsJson) ?? [];

}
