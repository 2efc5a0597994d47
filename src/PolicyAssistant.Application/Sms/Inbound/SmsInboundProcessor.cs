using System.Globalization;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>
/// Answers the texts <see cref="SmsInboundStore"/> stored: each goes through opt-out handling, the per-number
/// limit, "1" for the rest of an answer, or else the turn, and the reply is queued to the same number.
/// </summary>
public sealed class SmsInboundProcessor(
    PolicyAssistantDbContext db,
    TurnProcessor turnProcessor,
    SmsQueue sender,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SmsInboundProcessor> logger)
{
    private static readonly SmsAdapter Adapter = new();
    public const int BatchSize = 20;

    private SmsOptions Options => options.Value;

    private DbSet<SmsInboundMessage> Inbound => db.Set<SmsInboundMessage>();

    /// <summary>Processes up to one batch of stored texts; returns how many it finished or gave up on.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var due = await Inbound.AsNoTracking()
            .Where(m => (m.Status == SmsInboundStatus.Received && m.NextAttemptAt <= now)
                || (m.Status == SmsInboundStatus.Processing && m.LeaseUntil <= now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in due)
        {
            if (await ProcessAsync(id, cancellationToken))
            {
                handled++;
            }
        }

        return handled;
    }

    private async Task<bool> ProcessAsync(long id, CancellationToken cancellationToken)
    {
        var message = await Inbound.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var now = clock.UtcNow();
        if (message is null || !(message.Status == SmsInboundStatus.Received ? message.NextAttemptAt <= now : message.Status == SmsInboundStatus.Processing && message.LeaseUntil <= now))
        {
            return false;
        }

        message.Status = SmsInboundStatus.Processing;
        message.LeaseUntil = now + Options.Inbound.ProcessingLease;
        message.Attempts++;
        if (!await TrySaveAsync(message, cancellationToken))
        {
            return false;
        }

        var lease = message.LeaseUntil;
        try
        {
            var response = await RespondAsync(message, cancellationToken);
            message.Outcome = response.Outcome;
            message.Status = SmsInboundStatus.Processed;
            message.ProcessedAt = clock.UtcNow();
            message.LeaseUntil = null;
            message.Error = null;

            // The reply, the row's new status and whatever the response staged are saved in one transaction.
            if (response.Reply is not null)
            {
                await ReplyAsync(message, response.Reply, cancellationToken);
            }

            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease lapsed and another worker has the text now; it will answer it.
            db.ChangeTracker.Clear();
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Inbound SMS {InboundId} failed on attempt {Attempt}.", message.Id, message.Attempts);

            // Drop whatever the failed turn left half-done; only the inbound row's own bookkeeping is kept.
            db.ChangeTracker.Clear();
            message.Status = SmsInboundStatus.Processing;
            message.LeaseUntil = lease;
            message.Outcome = SmsInboundOutcome.None;
            db.Attach(message);
            message.Error = exception.GetType().Name;
            message.Status = message.Attempts >= Options.Inbound.MaxAttempts ? SmsInboundStatus.Failed : SmsInboundStatus.Received;
            message.NextAttemptAt = clock.UtcNow() + TimeSpan.FromSeconds(30 * message.Attempts);
            message.LeaseUntil = null;
            await TrySaveAsync(message, cancellationToken);
        }

        return true;
    }

    private sealed record Response(SmsInboundOutcome Outcome, string? Reply = null);

    // Each path only stages its changes (opt-out, continuation); the caller saves them with the reply.
    private async Task<Response> RespondAsync(SmsInboundMessage message, CancellationToken cancellationToken)
    {
        var phoneNumber = message.PhoneNumber;
        var replyOutId = ReplyOutId(message);
        if (await db.Set<SmsOutboundMessage>().AnyAsync(m => m.OutId == replyOutId, cancellationToken))
        {
            // Already answered (a staff member re-queued the text, say): the turn is not run twice.
            return new Response(SmsInboundOutcome.Answered);
        }

        if (SmsText.IsOptOut(message.Content))
        {
            if (await db.Set<SmsOptOut>().AnyAsync(o => o.PhoneNumber == phoneNumber, cancellationToken))
            {
                return new Response(SmsInboundOutcome.OptedOut);
            }

            db.Add(new SmsOptOut { PhoneNumber = phoneNumber, Keyword = SmsText.Fold(message.Content), OptedOutAt = clock.UtcNow() });
            return new Response(SmsInboundOutcome.OptedOut, SmsText.OptOutConfirmation);
        }

        if (SmsText.IsOptIn(message.Content))
        {
            if (await db.Set<SmsOptOut>().FirstOrDefaultAsync(o => o.PhoneNumber == phoneNumber, cancellationToken) is not { } optOut)
            {
                return new Response(SmsInboundOutcome.OptedIn);
            }

            db.Remove(optOut);
            return new Response(SmsInboundOutcome.OptedIn, SmsText.OptInConfirmation);
        }

        if (await IsOverAnswerLimitAsync(message, cancellationToken))
        {
            var since = message.ReceivedAt - Options.Limits.Window;
            var notified = await Inbound.AnyAsync(
                m => m.PhoneNumber == phoneNumber && m.ReceivedAt > since && m.Outcome == SmsInboundOutcome.OverLimitNotified, cancellationToken);
            return notified
                ? new Response(SmsInboundOutcome.OverLimitIgnored)
                : new Response(SmsInboundOutcome.OverLimitNotified, SmsText.OverLimitNotice);
        }

        var continuation = await db.Set<SmsContinuation>().FirstOrDefaultAsync(c => c.PhoneNumber == phoneNumber, cancellationToken);
        if (continuation is not null && continuation.CreatedAt + Options.Limits.ContinuationLifetime < clock.UtcNow())
        {
            db.Remove(continuation);
            continuation = null;
        }

        if (continuation is not null && SmsText.IsContinue(message.Content))
        {
            return new Response(SmsInboundOutcome.ContinuationSent, FirstPart(message, continuation.RemainingText, continuation));
        }

        var replies = await turnProcessor.ProcessActivityAsync(Adapter.ToActivity(message), cancellationToken);
        var answer = Adapter.ToOutgoing(replies);
        return answer.Length == 0
            ? new Response(SmsInboundOutcome.Ignored)
            : new Response(SmsInboundOutcome.Answered, FirstPart(message, answer, continuation));
    }

    /// <summary>As much of the answer as fits; the rest is staged for the next "1".</summary>
    private string FirstPart(SmsInboundMessage message, string answer, SmsContinuation? continuation)
    {
        var part = SmsReplyShortener.Shorten(answer, Options.SignName, Options.Limits.MaxReplySegments);
        if (part.Remainder is null)
        {
            if (continuation is not null)
            {
                db.Remove(continuation);
            }
        }
        else if (continuation is null)
        {
            db.Add(new SmsContinuation { PhoneNumber = message.PhoneNumber, RemainingText = part.Remainder, CreatedAt = clock.UtcNow() });
        }
        else
        {
            continuation.RemainingText = part.Remainder;
            continuation.CreatedAt = clock.UtcNow();
        }

        return part.Text;
    }

    private Task ReplyAsync(SmsInboundMessage message, string text, CancellationToken cancellationToken) =>
        sender.EnqueueReplyAsync(message.PhoneNumber, text, ReplyOutId(message), message.Id, cancellationToken);

    // The reply's OutId derives from the inbound row, so one text never gets two replies.
    private static string ReplyOutId(SmsInboundMessage message) => "reply-" + message.Id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> IsOverAnswerLimitAsync(SmsInboundMessage message, CancellationToken cancellationToken)
    {
        var since = message.ReceivedAt - Options.Limits.Window;
        var phoneNumber = message.PhoneNumber;
        var answered = await Inbound.CountAsync(
            m => m.PhoneNumber == phoneNumber && m.Id != message.Id && m.ReceivedAt > since
                && (m.Outcome == SmsInboundOutcome.Answered || m.Outcome == SmsInboundOutcome.ContinuationSent),
            cancellationToken);
        return answered >= Options.Limits.InboundAnswersPerWindow;
    }


    private async Task<bool> TrySaveAsync(SmsInboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }
}
