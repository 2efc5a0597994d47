using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Households.Audit;

namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>A text as the back office lists it: the phone masked, a verification code's digits hidden.</summary>
public sealed record SmsOutboxRow(long Id, string Phone, SmsKind Kind, string Text, SmsOutboundStatus Status, int Attempts, string? ErrorCode, string? ErrorMessage, DateTime CreatedAt, DateTime? DeliveredAt)
{
    public bool CanRetry => Status == SmsOutboundStatus.Failed;
}

public sealed record SmsOutboxPage(IReadOnlyList<SmsOutboxRow> Rows, int PageNumber, int PageCount, int Total);

/// <summary>
/// The SMS outbox for administrators: every outgoing text, newest first; retry of a failed one; and, with the embedded
/// outbox gateway only (nothing really goes to a phone), a verification code revealed on request, audited.
/// </summary>
public sealed partial class SmsOutboxCommands(
    PolicyAssistantDbContext db,
    SmsSignals signals,
    IOptions<SmsOptions> options,
    PersonalDataProtector protector,
    RecordHouseholdAuditCommand audit,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public bool CodesCanBeRevealed => options.Value.Provider == SmsProvider.Outbox;

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

    /// <summary>A verification code's full text, for an administrator, in the embedded outbox mode only; audited against the phone's household.</summary>
    public async Task<string?> RevealCodeAsync(long id, int staffUserId, CancellationToken cancellationToken)
    {
        if (!CodesCanBeRevealed)
        {
            return null;
        }

        var message = await db.Set<SmsOutboundMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Kind == SmsKind.VerificationCode, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var holder = PhoneNumber.TryParse(message.PhoneNumber, out var phone)
            ? await db.Set<Member>().AsNoTracking().Where(m => m.PhoneHash == protector.HashOf(phone)).Select(m => new { m.Id, m.HouseholdId }).FirstOrDefaultAsync(cancellationToken)
            : null;
        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staffUserId), HouseholdAuditAction.RevealBindingCode, holder?.HouseholdId, holder?.Id, cancellationToken);
        return message.Text;
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
