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

/// <summary>One recipient's campaign text for <see cref="SmsQueue.EnqueueCampaignsAsync"/>; <paramref name="OutId"/> as in <see cref="SmsOutboundRequest"/>.</summary>
public sealed record SmsCampaignText(string OutId, string PhoneNumber, string Text);

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
        RequireOutId(request.OutId, nameof(request));

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
            MarkOptedOut(message);
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

    /// <summary>
    /// Queues many campaign texts at once: one query for the OutIds queued already, one for the numbers that opted
    /// out, one save. Results come in the order of <paramref name="texts"/>, each as <see cref="EnqueueAsync"/> would
    /// give it. If another caller queues one of the OutIds meanwhile, the save fails whole and the texts are queued one
    /// by one instead, so each OutId is still queued once.
    /// </summary>
    public async Task<IReadOnlyList<SmsEnqueueResult>> EnqueueCampaignsAsync(IReadOnlyList<SmsCampaignText> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        foreach (var text in texts)
        {
            RequireOutId(text.OutId, nameof(texts));
        }

        var outIds = texts.Select(t => t.OutId).Distinct().ToList();
        var existing = await Messages.AsNoTracking()
            .Where(m => outIds.Contains(m.OutId))
            .Select(m => new { m.OutId, m.Id })
            .ToDictionaryAsync(m => m.OutId, m => m.Id, cancellationToken);
        var phoneNumbers = texts.Select(t => PhoneNumber.Normalize(t.PhoneNumber)).ToList();
        var numbers = phoneNumbers.OfType<string>().Distinct().ToList();
        var optedOut = (await db.Set<SmsOptOut>().AsNoTracking()
            .Where(o => numbers.Contains(o.PhoneNumber))
            .Select(o => o.PhoneNumber)
            .ToListAsync(cancellationToken)).ToHashSet();

        var now = clock.UtcNow();
        // Each new OutId with the index of the text that queued it; a later text with the same OutId finds it queued.
        var added = new Dictionary<string, (int Index, SmsOutboundMessage Message)>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (phoneNumbers[i] is not { } phoneNumber || existing.ContainsKey(texts[i].OutId) || added.ContainsKey(texts[i].OutId))
            {
                continue;
            }

            var message = Compose(new SmsOutboundRequest(texts[i].OutId, phoneNumber, SmsKind.Campaign, texts[i].Text), phoneNumber, now);
            if (optedOut.Contains(phoneNumber))
            {
                MarkOptedOut(message);
            }

            added.Add(message.OutId, (i, message));
        }

        Messages.AddRange(added.Values.Select(a => a.Message));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            foreach (var (_, message) in added.Values)
            {
                db.Entry(message).State = EntityState.Detached;
            }

            var oneByOne = new List<SmsEnqueueResult>(texts.Count);
            foreach (var text in texts)
            {
                oneByOne.Add(await EnqueueCampaignAsync(text.PhoneNumber, text.Text, text.OutId, cancellationToken));
            }

            return oneByOne;
        }

        if (added.Values.Any(a => a.Message.Status == SmsOutboundStatus.Queued))
        {
            signals.NotifyOutbound();
        }

        return texts.Select((text, i) => phoneNumbers[i] is null ? new SmsEnqueueResult.InvalidPhoneNumber()
            : existing.TryGetValue(text.OutId, out var existingId) ? new SmsEnqueueResult.AlreadyQueued(existingId)
            : added[text.OutId] is var (index, message) && index != i ? new SmsEnqueueResult.AlreadyQueued(message.Id)
            : message.Status == SmsOutboundStatus.Skipped ? new SmsEnqueueResult.Skipped(message.Id)
            : (SmsEnqueueResult)new SmsEnqueueResult.Queued(message.Id, message.SegmentCount)).ToList();
    }

    private static void RequireOutId(string outId, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(outId) || outId.Length > 64)
        {
            throw new ArgumentException("An OutId of 1 to 64 characters is required.", parameterName);
        }
    }

    private static void MarkOptedOut(SmsOutboundMessage message)
    {
        message.Status = SmsOutboundStatus.Skipped;
        message.ErrorCode = "OptedOut";
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
        var text = request.Kind == SmsKind.Campaign ? SmsText.Campaign(request.Text) : request.Text.Trim();
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
