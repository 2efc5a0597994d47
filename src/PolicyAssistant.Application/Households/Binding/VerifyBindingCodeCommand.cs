using System.Security.Cryptography;
using System.Text;
using PolicyAssistant.Application.Households.Audit;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// The last step of binding: checks the code and binds the user to the member, or records a wrong code and counts it
/// against the user (<see cref="BindingLockouts"/>); the user's lock also ends the code sent to them.
/// </summary>
public sealed class VerifyBindingCodeCommand(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    PersonalDataProtector protector,
    RecordHouseholdAuditCommand audit,
    TimeProvider clock)
{
    public async Task<CodeCheck> VerifyAsync(ChannelUser user, long challengeId, string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var challenge = await db.Set<BindingChallenge>()
            .FirstOrDefaultAsync(c => c.Id == challengeId && c.ChannelId == user.ChannelId && c.UserKeyHash == user.UserKeyHash, cancellationToken);
        if (challenge is null || challenge.ClosedAt is not null)
        {
            return new CodeCheck.Expired();
        }

        if (await BindingLockouts.IsLockedAsync(db, BindingSubjects.User(user), now, cancellationToken))
        {
            return new CodeCheck.Locked();
        }

        if (now > challenge.ExpiresAt)
        {
            challenge.ClosedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new CodeCheck.Expired();
        }

        var householdId = await db.Set<Member>().Where(m => m.Id == challenge.MemberId).Select(m => m.HouseholdId).FirstAsync(cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(BindingCodes.Hash(protector, user, code)), Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            await audit.RecordAsync(user.AuditActor, HouseholdAuditAction.BindingCodeRejected, householdId, challenge.MemberId, cancellationToken);
            db.Add(BindingAttempts.Of(user, BindingAttemptKind.WrongCode, now, challenge.MemberId, householdId));
            await db.SaveChangesAsync(cancellationToken);
            var attemptsLeft = await BindingLockouts.CountFailureAsync(db, user, challenge.MemberId, householdId, now, cancellationToken);
            if (attemptsLeft > 0)
            {
                return new CodeCheck.Wrong(attemptsLeft);
            }

            challenge.ClosedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new CodeCheck.Locked();
        }

        challenge.ClosedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await BindingLockouts.ClearFailuresAsync(db, user, cancellationToken);
        await BindAsync(user, challenge.MemberId, householdId, cancellationToken);
        return new CodeCheck.Bound(challenge.MemberId);
    }

    /// <summary>Binds the user to the member, replacing an earlier binding of the same user.</summary>
    private async Task BindAsync(ChannelUser user, int memberId, int householdId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<IdentityBinding>()
            .FirstOrDefaultAsync(b => b.ChannelId == user.ChannelId && b.UserKeyHash == user.UserKeyHash, cancellationToken);
        if (existing is null)
        {
            db.Add(new IdentityBinding { ChannelId = user.ChannelId, UserKeyHash = user.UserKeyHash, MemberId = memberId, BoundAt = now });
        }
        else
        {
            existing.MemberId = memberId;
            existing.BoundAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same user finished binding in another turn at the same moment: the last one wins.
            await db.Set<IdentityBinding>()
                .Where(b => b.ChannelId == user.ChannelId && b.UserKeyHash == user.UserKeyHash)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.MemberId, memberId).SetProperty(b => b.BoundAt, now), cancellationToken);
        }

        await audit.RecordAsync(user.AuditActor, HouseholdAuditAction.Bind, householdId, memberId, cancellationToken);
    }
}
