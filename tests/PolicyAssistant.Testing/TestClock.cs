namespace PolicyAssistant.Testing;

/// <summary>
/// A clock the test moves by hand, so expiry, locks, back-off and leases are stepped over instead of waited
/// for; in UTC, so "today" is the same on every machine.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
