namespace PolicyAssistant.Domain.Households;

public enum BindingAttemptKind
{
    /// <summary>A name and ID number matched a member.</summary>
    LookupFound,

    /// <summary>A name and ID number matched nobody (or the name was not that member's).</summary>
    LookupNotFound,

    /// <summary>A lookup refused for coming too often from the user or for the same ID number.</summary>
    LookupThrottled,

    /// <summary>A wrong binding code.</summary>
    WrongCode,

    /// <summary>The user's failures reached the limit: the user is locked out of binding for a while.</summary>
    LockedOut,
}

/// <summary>
/// One step of binding by a channel user: each lookup (counted for the lookup limits) and each failure (shown to
/// administrators). Holds keyed hashes and ids only: the user as in <see cref="IdentityBinding"/>, the ID number
/// typed as <see cref="Member.IdNumberHash"/>, so a lookup of someone not on the register holds nothing readable.
/// </summary>
public sealed class BindingAttempt
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; set; }

    public BindingAttemptKind Kind { get; set; }

    public required string ChannelId { get; set; }

    public required string UserKeyHash { get; set; }

    /// <summary>For lookups: the keyed hash of the ID number typed, whether or not anybody has it.</summary>
    public string? IdNumberHash { get; set; }

    /// <summary>The member concerned, when there is one (no foreign key: the record outlives the member, like the audit trail).</summary>
    public int? MemberId { get; set; }

    public int? HouseholdId { get; set; }
}
