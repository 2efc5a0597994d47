using Microsoft.Extensions.Options;
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

/// <summary>
/// Puts texts in the SmsOutboundMessages table for <see cref="SmsDispatcher"/> to send: checks the number, keeps
/// one row per OutId, holds back verification codes over the per-number limit and records campaign texts to
/// numbers that opted out as skipped.
/// </summary>
public sealed class SmsQueue(
    PolicyAssistantDbContext db,
    SmsSignals signals,
    IOptions<SmsOptions> options,
    TimeProvider clock)
{
    private SmsOptions Options => options.Value;

    private DbSet<SmsOutboundMessage> Messages => db.Set<SmsOutboundMessage>();

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
        var skipped = request.Kind == SmsKind.Campaign && await db.IsOptedOutAsync(phoneNumber, cancellationToken);
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
}
