using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// The first step of binding: the household member with this ID number and name, unless the user or the member is
/// locked out. A lookup that finds nobody counts against the user as a wrong code does, so names and ID numbers
/// cannot be tried by the thousand to learn who is on the poverty register.
/// </summary>
public sealed class FindMemberToBindQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<MemberLookup> FindAsync(ChannelUser user, string name, IdNumber idNumber, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await BindingLockouts.IsLockedAsync(db, BindingSubjects.User(user), now, cancellationToken))
        {
            return new MemberLookup.Locked();
        }

        var hash = protector.HashOf(idNumber);
        var member = await db.Set<Member>().AsNoTracking()
            .Where(m => m.IdNumberHash == hash)
            .Select(m => new { m.Id, m.HouseholdId, m.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (member is null || !SameName(member.Name, name))
        {
            return await BindingLockouts.CountFailureAsync(db, [BindingSubjects.User(user)], now, cancellationToken) > 0
                ? new MemberLookup.NotFound()
                : new MemberLookup.Locked();
        }

        return await BindingLockouts.IsLockedAsync(db, BindingSubjects.Member(member.Id), now, cancellationToken)
            ? new MemberLookup.Locked()
            : new MemberLookup.Found(member.Id, member.HouseholdId);
    }

    /// <summary>Records hold Simplified names; a name typed in Traditional characters or full width matches too.</summary>
    private static bool SameName(string onFile, string typed) =>
        onFile == typed.Trim() || TextFolding.Fold(onFile) == TextFolding.Fold(typed.Trim());
}
