using System.Text.RegularExpressions;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>A text as the back office lists it: the phone masked, a verification code's digits hidden.</summary>
public sealed record SmsOutboxRow(long Id, string Phone, SmsKind Kind, string Text, SmsOutboundStatus Status, int Attempts, string? ErrorCode, string? ErrorMessage, DateTime CreatedAt, DateTime? DeliveredAt)
{
    public bool CanRetry => Status == SmsOutboundStatus.Failed;
}

public sealed record SmsOutboxPage(IReadOnlyList<SmsOutboxRow> Rows, int PageNumber, int PageCount, int Total);

/// <summary>
/// The SMS outbox for administrators: every outgoing text, newest first, and retry of a failed one. Revealing a
/// binding code is the households' business (<see cref="Households.Binding.RevealBindingCodeCommand"/>): it is audited against the household.
/// </summary>
public sealed partial class SmsOutboxCommands(PolicyAssistantDbContext db, SmsSignals signals, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<SmsOutboxPage> ListAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var total = await db.Set<SmsOutboundMessage>().CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var messages = await db.Set<SmsOutboundMessage>().AsNoTracking()
            .OrderByDescending(message => message.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return new SmsOutboxPage(messages.Select(Row).ToList(), page, pageCount, total);
    }

    /// <summary>Queues a failed text again, as new: its attempts and error are cleared. False if it is not a failed text.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<SmsOutboundMessage>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is not { Status: SmsOutboundStatus.Failed })
        {
            return false;
        }

        message.Status = SmsOutboundStatus.Queued;
        message.Attempts = 0;
        message.NextAttemptAt = clock.UtcNow();
        message.LeaseUntil = null;
        message.LastAttemptAt = null;
        message.ErrorCode = null;
        message.ErrorMessage = null;
        await db.SaveChangesAsync(cancellationToken);
        signals.NotifyOutbound();
        return true;
    }

    private static SmsOutboxRow Row(SmsOutboundMessage message) => new(
        message.Id,
        PhoneNumber.TryParse(message.PhoneNumber, out var phone) ? phone.Masked : PhoneNumber.Mask(message.PhoneNumber.PadRight(7, '*')),
        message.Kind,
        message.Kind == SmsKind.VerificationCode ? Digits().Replace(message.Text, "*") : message.Text,
        message.Status,
        message.Attempts,
        message.ErrorCode,
        message.ErrorMessage,
        message.CreatedAt,
        message.DeliveredAt);

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digits();
}
