using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// A binding code's full text for an administrator, with the embedded outbox gateway only: there nothing reaches a
/// phone, so staff read the code to finish a binding by hand. Audited against the household holding the phone.
/// </summary>
public sealed class RevealBindingCodeCommand(
    PolicyAssistantDbContext db,
    IOptions<SmsOptions> options,
    PersonalDataProtector protector,
    RecordHouseholdAuditCommand audit)
{
    public bool IsAvailable => options.Value.Provider == SmsProvider.Outbox;

    public async Task<string?> RevealAsync(long messageId, int staffUserId, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return null;
        }

        var message = await db.Set<SmsOutboundMessage>().AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == messageId && m.Kind == SmsKind.VerificationCode, cancellationToken);
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
}
