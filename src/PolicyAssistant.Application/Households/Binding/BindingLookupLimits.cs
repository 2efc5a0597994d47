namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// Binding's entries in the "RateLimits" section: how often a name and ID number may be looked up. Counted in the
/// database (<see cref="BindingAttempt"/>), not in a process's memory: several instances share one database, and
/// a limit per instance would multiply with their number and reset at every restart.
/// </summary>
public sealed class BindingLookupLimits
{
    public bool Enabled { get; set; } = true;

    /// <summary>Per channel user (OpenID, phone, web id): a household needs one or two tries, a prober many.</summary>
    public WindowLimit BindingLookupsPerUser { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Per ID number typed, from all users together: many accounts cannot take turns on one person.</summary>
    public WindowLimit BindingLookupsPerIdNumber { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };
}

/// <summary>The "Binding" section.</summary>
public sealed class BindingOptions
{
    /// <summary>
    /// A lookup is answered no sooner than this after it began, found or not: finding someone sends a code, which
    /// takes longer than saying nobody was found, and the difference would tell who is on the register.
    /// </summary>
    public TimeSpan LookupTime { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>The sliding-window counts behind <see cref="BindingLookupLimits"/>, and the rows they count.</summary>
internal static class BindingAttempts
{
    public static BindingAttempt Of(
        ChannelUser user, BindingAttemptKind kind, DateTime now, int? memberId = null, int? householdId = null, string? idNumberHash = null) => new()
    {
        OccurredAt = now,
        Kind = kind,
        ChannelId = user.ChannelId,
        UserKeyHash = user.UserKeyHash,
        MemberId = memberId,
        HouseholdId = householdId,
        IdNumberHash = idNumberHash,
    };

    /// <summary>
    /// How long the user must wait before looking this ID number up, or null when a lookup may go ahead now; without
    /// an ID number's hash, only the user's own limit counts.
    /// </summary>
    public static async Task<TimeSpan?> WaitBeforeLookupAsync(
        PolicyAssistantDbContext db, ChannelUser user, string? idNumberHash, BindingLookupLimits limits, DateTime now, CancellationToken cancellationToken)
    {
        if (!limits.Enabled)
        {
            return null;
        }

        var attempts = db.Set<BindingAttempt>().AsNoTracking();
        var byUser = await WaitAsync(attempts.Where(a => a.ChannelId == user.ChannelId && a.UserKeyHash == user.UserKeyHash), limits.BindingLookupsPerUser, now, cancellationToken);
        var byIdNumber = idNumberHash is null
            ? null
            : await WaitAsync(attempts.Where(a => a.IdNumberHash == idNumberHash), limits.BindingLookupsPerIdNumber, now, cancellationToken);
        return byUser is null && byIdNumber is null ? null : Max(byUser ?? TimeSpan.Zero, byIdNumber ?? TimeSpan.Zero);
    }

    /// <summary>
    /// When the window already holds its limit of lookups, the time until the oldest of them leaves it. Refused
    /// lookups do not count, so the wait told is the wait there is.
    /// </summary>
    private static async Task<TimeSpan?> WaitAsync(IQueryable<BindingAttempt> attempts, WindowLimit limit, DateTime now, CancellationToken cancellationToken)
    {
        var permits = Math.Max(1, limit.PermitLimit);
        var since = now - limit.Window;
        var latest = await attempts
            .Where(a => (a.Kind == BindingAttemptKind.LookupFound || a.Kind == BindingAttemptKind.LookupNotFound) && a.OccurredAt > since)
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => a.OccurredAt)
            .Take(permits)
            .ToListAsync(cancellationToken);
        return latest.Count < permits ? null : latest[^1] + limit.Window - now;
    }

    private static TimeSpan Max(TimeSpan first, TimeSpan second) => first > second ? first : second;
}
