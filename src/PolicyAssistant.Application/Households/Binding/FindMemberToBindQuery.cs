using Microsoft.Extensions.Options;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// The first step of binding: the household member with this ID number and name, unless the user is locked out or
/// has looked up too often (<see cref="BindingLookupLimits"/>: per user, and per ID number from all users together).
/// A lookup that finds nobody also counts against the user as a wrong code does (<see cref="BindingLockouts"/>), so
/// names and ID numbers cannot be tried by the thousand to learn who is on the poverty register. Every lookup is
/// recorded (<see cref="BindingAttempt"/>): the limits count them, administrators see the failures.
/// </summary>
public sealed class FindMemberToBindQuery(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    PersonalDataProtector protector,
    IOptions<BindingLookupLimits> limits,
    TimeProvider clock)
{
    /// <param name="smsSender">Over SMS, the sender's number: a phone on file for the household is not held back by others' lookups of its ID number.</param>
    public async Task<MemberLookup> FindAsync(ChannelUser user, string name, IdNumber idNumber, PhoneNumber? smsSender, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await BindingLockouts.IsLockedAsync(db, BindingSubjects.User(user), now, cancellationToken))
        {
            return new MemberLookup.Locked();
        }

        // Read even when the lookup is refused, so that administrators see whose household was being tried.
        var hash = protector.HashOf(idNumber);
        var member = await db.Set<Member>().AsNoTracking()
            .Where(m => m.IdNumberHash == hash)
            .Select(m => new { m.Id, m.HouseholdId, m.Name })
            .FirstOrDefaultAsync(cancellationToken);

        // The limit is decided by the ID number typed, never by whether anybody has it: a refusal tells nothing. Only
        // the household's own phone is let through: a stranger who knows the ID number cannot keep the household
        // from binding by using up the limit, and nobody else learns anything from it.
        var senderHash = smsSender is null ? null : protector.HashOf(smsSender);
        var fromHouseholdPhone = senderHash is not null && member is not null
            && await db.Set<Member>().AnyAsync(m => m.HouseholdId == member.HouseholdId && m.PhoneHash == senderHash, cancellationToken);
        var wait = await BindingAttempts.WaitBeforeLookupAsync(db, user, fromHouseholdPhone ? null : hash, limits.Value, now, cancellationToken);
        var found = wait is null && member is not null && SameName(member.Name, name);
        var kind = wait is not null ? BindingAttemptKind.LookupThrottled : found ? BindingAttemptKind.LookupFound : BindingAttemptKind.LookupNotFound;
        db.Add(BindingAttempts.Of(user, kind, now, member?.Id, member?.HouseholdId, hash));
        await db.SaveChangesAsync(cancellationToken);
        if (wait is { } throttled)
        {
            return new MemberLookup.Throttled(throttled);
        }

        if (found)
        {
            return new MemberLookup.Found(member!.Id, member.HouseholdId);
        }

        return await BindingLockouts.CountFailureAsync(db, user, member?.Id, member?.HouseholdId, now, cancellationToken) > 0
            ? new MemberLookup.NotFound()
            : new MemberLookup.Locked();
    }

    /// <summary>Records hold Simplified names; a name typed in Traditional characters or full width matches too.</summary>
    private static bool SameName(string onFile, string typed) =>
        onFile == typed.Trim() || TextFolding.Fold(onFile) == TextFolding.Fold(typed.Trim());
}
