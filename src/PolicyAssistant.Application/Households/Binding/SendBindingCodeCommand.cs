using System.Globalization;
using System.Security.Cryptography;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>The second step of binding: a one-time code by SMS to the phone on file, kept as a hash for <see cref="VerifyBindingCodeCommand"/>.</summary>
public sealed class SendBindingCodeCommand(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    IServiceScopeFactory scopes,
    PersonalDataProtector protector,
    RecordHouseholdAuditCommand audit,
    TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    /// <param name="sendTo">Where the code goes: by default the member's phone on file; over SMS, the sender's number (on file for the household).</param>
    public async Task<CodeSending> SendAsync(ChannelUser user, int memberId, PhoneNumber? sendTo, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await BindingLockouts.IsLockedAsync(db, BindingSubjects.User(user), now, cancellationToken))
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
            CodeHash = BindingCodes.Hash(protector, user, code),
            IssuedAt = now,
            ExpiresAt = now + CodeLifetime,
        };
        db.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<SmsQueue>();
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
}

/// <summary>Codes are kept as keyed hashes bound to the user who asked for them.</summary>
internal static class BindingCodes
{
    private const string HashPurpose = "binding-code";

    public static string Hash(PersonalDataProtector protector, ChannelUser user, string code) =>
        protector.Hash(HashPurpose, $"{user.ChannelId}\n{user.UserKeyHash}\n{code.Trim()}");
}
