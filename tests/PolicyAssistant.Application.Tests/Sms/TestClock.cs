namespace PolicyAssistant.Application.Tests.Sms;

/// <summary>A clock the test moves by hand, so back-off and leases are stepped over instead of waited for.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
