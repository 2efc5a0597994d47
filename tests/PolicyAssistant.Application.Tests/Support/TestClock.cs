namespace PolicyAssistant.Application.Tests.Support;

/// <summary>A clock the test moves by hand (code expiry, lock expiry), in UTC so “today” is the same everywhere.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
