namespace PolicyAssistant.Domain.Households;

/// <summary>
/// A channel user (WeChat OpenID, SMS phone number, web chat id) bound to a household member after a
/// verified binding. The user is kept only as a keyed hash: the binding is looked up, never listed back.
/// </summary>
public sealed class IdentityBinding
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>Keyed hash of the channel and the user id (see <c>ChannelUser</c>); unique per channel.</summary>
    public required string UserKeyHash { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>UTC.</summary>
    public DateTime BoundAt { get; set; }
}

/// <summary>
/// A verification code sent by SMS while binding. Only a keyed hash of the code is stored; the code
/// is valid until <see cref="ExpiresAt"/> and only once.
/// </summary>
public sealed class BindingChallenge
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public required string UserKeyHash { get; set; }

    public int MemberId { get; set; }

    public required string CodeHash { get; set; }

    /// <summary>UTC.</summary>
    public DateTime IssuedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>UTC; set when the code was used or given up (sending failed).</summary>
    public DateTime? ClosedAt { get; set; }
}

/// <summary>
/// Wrong verification codes (and lookups that found nobody) counted for one channel user, and the lock
/// they lead to. Kept in the database so a lock holds across restarts and instances.
/// </summary>
public sealed class BindingLockout
{
    /// <summary>“user:{channel}:{hash}” (see <c>BindingSubjects</c>); older “member:{id}” rows are no longer read.</summary>
    public required string Subject { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>UTC; null when not locked.</summary>
    public DateTime? LockedUntil { get; set; }
}
