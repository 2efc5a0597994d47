using System.Globalization;
using PolicyAssistant.Application.Sms;

namespace PolicyAssistant.Application.Households;

/// <summary>The SMS channel's phone directory over the household records, matched on the phone's keyed hash.</summary>
public sealed class HouseholdPhoneDirectory(PolicyAssistantDbContext db, PersonalDataProtector protector) : IPhoneDirectory
{
    public async Task<IReadOnlyList<PhoneHolder>> FindHoldersAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        if (!PhoneNumber.TryParse(phoneNumber, out var phone))
        {
            return [];
        }

        var hash = protector.HashOf(phone);
        var holders = await db.Set<Member>().AsNoTracking()
            .Where(member => member.PhoneHash == hash)
            .OrderBy(member => member.Id)
            .Select(member => new { member.HouseholdId, member.Id })
            .ToListAsync(cancellationToken);
        return holders
            .Select(holder => new PhoneHolder(holder.HouseholdId.ToString(CultureInfo.InvariantCulture), holder.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }
}
