using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Households.Binding;

public abstract record MemberLookup
{
    private MemberLookup()
    {
    }

    public sealed record Found(int MemberId, int HouseholdId) : MemberLookup;

    /// <summary>No member with this ID number and name; which of the two was wrong is not told.</summary>
    public sealed record NotFound : MemberLookup;

    public sealed record Locked : MemberLookup;
}

public abstract record CodeSending
{
    private CodeSending()
    {
    }

    public sealed record Sent(long ChallengeId, string PhoneMasked) : CodeSending;

    public sealed record NoPhoneOnFile : CodeSending;

    /// <summary>The phone has had its share of codes for now (the SMS channel's per-number limit).</summary>
    public sealed record TooManyCodes : CodeSending;

    public sealed record Locked : CodeSending;
}

public abstract record CodeCheck
{
    private CodeCheck()
    {
    }

    public sealed record Bound(int MemberId) : CodeCheck;

    public sealed record Wrong(int AttemptsLeft) : CodeCheck;

    public sealed record Expired : CodeCheck;

    public sealed record Locked : CodeCheck;
}

/// <summary>The two subjects a wrong code counts against: the member being claimed and the user claiming.</summary>
public static class BindingSubjects
{
    public static string Member(int memberId) => $"member:{memberId.ToString(CultureInfo.InvariantCulture)}";

    public static string User(ChannelUser user) => $"user:{user.ChannelId}:{user.UserKeyHash}";
}

/// <summary>
/// Binding a channel user to a household member: find the member by ID-number hash and name, send a
/// one-time code by SMS to the phone on file, check it, bind. Wrong codes count against both the member
/// and the user; <see cref="MaxWrongCodes"/> of them lock both for <see cref="LockDuration"/>, in the
/// database, so a restart or another instance does not lift the lock.
/// </summary>
public sealed class BindIdentityCommand(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    IServiceScopeFactory scopes,
    PersonalDataProtector protector,
    RecordHouseholdAuditCommand audit,
    TimeProvider clock)
{
    public const int MaxWrongCodes = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LockDuration = TimeSpan.FromHours(1);

    private const string CodeHashPurpose = "binding-code";

    public async Task<MemberLookup> FindMemberAsync(ChannelUser user, string name, IdNumber idNumber, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        if (await IsLockedAsync(db, BindingSubjects.User(user), now, cancellationToken))
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
            return new MemberLookup.NotFound();
        }

        return await IsLockedAsync(db, BindingSubjects.Member(member.Id), now, cancellationToken)
            ? new MemberLookup.Locked()
            : new MemberLookup.Found(member.Id, member.HouseholdId);
    }

    /// <param name="sendTo">Where the code goes: by default the member's phone on file; over SMS, the sender's number (on file for the household).</param>
    public async Task<CodeSending> SendCodeAsync(ChannelUser user, int memberId, PhoneNumber? sendTo, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        if (await IsLockedAsync(db, BindingSubjects.User(user), now, cancellationToken)
            || await IsLockedAsync(db, BindingSubjects.Member(memberId), now, cancellationToken))
        {
            return new CodeSending.Locked();
        }

        var member = await db.Set<Member>().AsNoTracking().FirstAsync(m => m.Id == memberId, cancellationToken);
        if ((sendTo ?? member.RevealPhone(protector)) is not { } phone)
        {
            return new CodeSending.NoPhoneOnFile();
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var challenge = new BindingChallenge
        {
            ChannelId = user.ChannelId,
            UserKeyHash = user.UserKeyHash,
            MemberId = memberId,
            CodeHash = HashCode(user, code),
            IssuedAt = now,
            ExpiresAt = now + CodeLifetime,
        };
        db.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<SmsSender>();
        var outId = "bind-" + challenge.Id.ToString(CultureInfo.InvariantCulture);
        var queued = await sender.EnqueueVerificationCodeAsync(phone.Value, code, outId, cancellationToken);
        if (queued is SmsEnqueueResult.RateLimited or SmsEnqueueResult.InvalidPhoneNumber)
        {
            challenge.ClosedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return queued is SmsEnqueueResult.RateLimited ? new CodeSending.TooManyCodes() : new CodeSending.NoPhoneOnFile();
        }

        await audit.RecordAsync(user.AuditActor, HouseholdAuditAction.BindingCodeSent, member.HouseholdId, memberId, cancellationToken);
        return new CodeSending.Sent(challenge.Id, phone.Masked);
    }

    public async Task<CodeCheck> VerifyCodeAsync(ChannelUser user, long challengeId, string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var challenge = await db.Set<BindingChallenge>()
            .FirstOrDefaultAsync(c => c.Id == challengeId && c.ChannelId == user.ChannelId && c.UserKeyHash == user.UserKeyHash, cancellationToken);
        if (challenge is null || challenge.ClosedAt is not null)
        {
            return new CodeCheck.Expired();
        }

        var subjects = new[] { BindingSubjects.Member(challenge.MemberId), BindingSubjects.User(user) };
        foreach (var subject in subjects)
        {
            if (await IsLockedAsync(db, subject, now, cancellationToken))
            {
                return new CodeCheck.Locked();
            }
        }

        if (now > challenge.ExpiresAt)
        {
            challenge.ClosedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new CodeCheck.Expired();
        }

        var householdId = await db.Set<Member>().Where(m => m.Id == challenge.MemberId).Select(m => m.HouseholdId).FirstAsync(cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashCode(user, code)), Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            await audit.RecordAsync(user.AuditActor, HouseholdAuditAction.BindingCodeRejected, householdId, challenge.MemberId, cancellationToken);
            var failures = 0;
            foreach (var subject in subjects)
            {
                failures = Math.Max(failures, await AddFailureAsync(db, subject, cancellationToken));
            }

            if (failures < MaxWrongCodes)
            {
                return new CodeCheck.Wrong(MaxWrongCodes - failures);
            }

            var until = now + LockDuration;
            await db.Set<BindingLockout>().Where(l => subjects.Contains(l.Subject))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until).SetProperty(l => l.FailedAttempts, 0), cancellationToken);
            challenge.ClosedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new CodeCheck.Locked();
        }

        challenge.ClosedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<BindingLockout>().Where(l => subjects.Contains(l.Subject))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, 0), cancellationToken);
        await BindAsync(user, challenge.MemberId, householdId, cancellationToken);
        return new CodeCheck.Bound(challenge.MemberId);
    }

    /// <summary>Binds the user to the member, replacing an earlier binding of the same user.</summary>
    private async Task BindAsync(ChannelUser user, int memberId, int householdId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
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

    /// <summary>Removes the user's binding; false when there was none.</summary>
    public async Task<bool> UnbindAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var binding = await db.Set<IdentityBinding>()
            .Where(b => b.ChannelId == user.ChannelId && b.UserKeyHash == user.UserKeyHash)
            .Select(b => new { b.Id, b.MemberId, b.Member!.HouseholdId })
            .FirstOrDefaultAsync(cancellationToken);
        if (binding is null)
        {
            return false;
        }

        await db.Set<IdentityBinding>().Where(b => b.Id == binding.Id).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(user.AuditActor, HouseholdAuditAction.Unbind, binding.HouseholdId, binding.MemberId, cancellationToken);
        return true;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records hold Simplified names; a name typed in Traditional characters or full width matches too.</summary>
    private static bool SameName(string onFile, string typed) =>
        onFile == typed.Trim() || TextFolding.Fold(onFile) == TextFolding.Fold(typed.Trim());

    private string HashCode(ChannelUser user, string code) =>
        protector.Hash(CodeHashPurpose, $"{user.ChannelId}\n{user.UserKeyHash}\n{code.Trim()}");

    private static async Task<bool> IsLockedAsync(PolicyAssistantDbContext db, string subject, DateTime now, CancellationToken cancellationToken)
    {
        var lockedUntil = await db.Set<BindingLockout>().AsNoTracking()
            .Where(l => l.Subject == subject)
            .Select(l => l.LockedUntil)
            .FirstOrDefaultAsync(cancellationToken);
        return lockedUntil is { } until && until > now;
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
