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

    /// <summary>Too many lookups from this user, or of this ID number from all users (<see cref="BindingLookupLimits"/>); try again after <paramref name="Wait"/>.</summary>
    public sealed record Throttled(TimeSpan Wait) : MemberLookup;
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

/// <summary>What wrong codes count against (<see cref="BindingLockouts"/>): the user claiming, never the member claimed.</summary>
public static class BindingSubjects
{
    public static string User(ChannelUser user) => $"user:{user.ChannelId}:{user.UserKeyHash}";
}
