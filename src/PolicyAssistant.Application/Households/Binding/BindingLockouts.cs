
namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// Wrong binding codes count against both the member being claimed and the user claiming (<see cref="BindingSubjects"/>);
/// <see cref="MaxWrongCodes"/> of them lock both for <see cref="LockDuration"/>, in the database, so a restart or
/// another instance does not lift the lock.
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
    /// Counts one failure against each subject; the <see cref="MaxWrongCodes"/>th locks them all for <see cref="LockDuration"/>.
    /// Returns the attempts left, 0 when the subjects are now locked.
    /// </summary>
    public static async Task<int> CountFailureAsync(PolicyAssistantDbContext db, IReadOnlyCollection<string> subjects, DateTime now, CancellationToken cancellationToken)
    {
        var failures = 0;
        foreach (var subject in subjects)
        {
            failures = Math.Max(failures, await AddFailureAsync(db, subject, cancellationToken));
        }

        if (failures < MaxWrongCodes)
        {
            return MaxWrongCodes - failures;
        }

        var until = now + LockDuration;
        await db.Set<BindingLockout>().Where(l => subjects.Contains(l.Subject))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until).SetProperty(l => l.FailedAttempts, 0), cancellationToken);
        return 0;
    }

    /// <summary>Counts one wrong code for a subject with an atomic increment; returns the new count.</summary>
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
