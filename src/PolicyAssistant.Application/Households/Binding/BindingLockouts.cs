
namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// Wrong binding codes, and lookups that find nobody, count against the user who typed them (<see cref="BindingSubjects"/>);
/// <see cref="MaxWrongCodes"/> of them lock that user for <see cref="LockDuration"/>, in the database, so a restart or
/// another instance does not lift the lock. Never the member: a stranger's wrong codes would otherwise keep the
/// household itself from binding. Guessing stays hopeless all the same: each user's code is its own, five tries at
/// a million, and every new code needs a lookup (limited per ID number) and an SMS to the household's phone.
/// </summary>
public static class BindingLockouts
{
    public const int MaxWrongCodes = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromHours(1);

    public static async Task<bool> IsLockedAsync(PolicyAssistantDbContext db, string subject, DateTime now, CancellationToken cancellationToken)
    {
        var lockedUntil = await db.Set<BindingLockout>().AsNoTracking()
            .Where(l => l.Subject == subject)
            .Select(l => l.LockedUntil)
            .FirstOrDefaultAsync(cancellationToken);
        return lockedUntil is { } until && until > now;
    }

    /// <summary>
    /// Counts one failure against the user; the <see cref="MaxWrongCodes"/>th locks the user for <see cref="LockDuration"/>
    /// and is recorded for administrators (with the member concerned, if any). Returns the attempts left, 0 when now locked.
    /// </summary>
    public static async Task<int> CountFailureAsync(
        PolicyAssistantDbContext db, ChannelUser user, int? memberId, int? householdId, DateTime now, CancellationToken cancellationToken)
    {
        var subject = BindingSubjects.User(user);
        var failures = await AddFailureAsync(db, subject, cancellationToken);
        if (failures < MaxWrongCodes)
        {
            return MaxWrongCodes - failures;
        }

        var until = now + LockDuration;
        await db.Set<BindingLockout>().Where(l => l.Subject == subject)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until).SetProperty(l => l.FailedAttempts, 0), cancellationToken);
        db.Add(BindingAttempts.Of(user, BindingAttemptKind.LockedOut, now, memberId, householdId));
        await db.SaveChangesAsync(cancellationToken);
        return 0;
    }

    /// <summary>A successful binding starts the user's count afresh.</summary>
    public static Task ClearFailuresAsync(PolicyAssistantDbContext db, ChannelUser user, CancellationToken cancellationToken)
    {
        var subject = BindingSubjects.User(user);
        return db.Set<BindingLockout>().Where(l => l.Subject == subject)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, 0), cancellationToken);
    }

    /// <summary>Counts one failure for a subject with an atomic increment; returns the new count.</summary>
    private static async Task<int> AddFailureAsync(PolicyAssistantDbContext db, string subject, CancellationToken cancellationToken)
    {
        while (true)
        {
            var updated = await db.Set<BindingLockout>().Where(l => l.Subject == subject)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, l => l.FailedAttempts + 1), cancellationToken);
            if (updated > 0)
            {
                return await db.Set<BindingLockout>().AsNoTracking().Where(l => l.Subject == subject).Select(l => l.FailedAttempts).FirstAsync(cancellationToken);
            }

            var row = new BindingLockout { Subject = subject, FailedAttempts = 1 };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(row).State = EntityState.Detached;
                return 1;
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                // Another turn created the row first: count on it.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
