namespace PolicyAssistant.Domain.Campaigns;

/// <summary>
/// A send rate: tokens refill continuously at <see cref="RatePerSecond"/> up to one second's worth, and
/// each recipient sent takes one. The caller supplies the time, so the bucket is exact and testable.
/// </summary>
public sealed class TokenBucket(double ratePerSecond, TimeSpan start)
{
    private double _tokens;
    private TimeSpan _last = start;

    public double RatePerSecond { get; } = ratePerSecond > 0 ? ratePerSecond : throw new ArgumentOutOfRangeException(nameof(ratePerSecond));

    private double Capacity => Math.Max(1, RatePerSecond);

    /// <summary>Takes up to <paramref name="wanted"/> whole tokens available at <paramref name="now"/>.</summary>
    public int Take(int wanted, TimeSpan now)
    {
        Refill(now);
        var taken = (int)Math.Min(wanted, Math.Floor(_tokens));
        _tokens -= taken;
        return taken;
    }

    /// <summary>Gives back tokens taken for recipients that turned out not to be there.</summary>
    public void Return(int count) => _tokens = Math.Min(Capacity, _tokens + count);

    /// <summary>How long until <paramref name="count"/> tokens are there (a full bucket at the most).</summary>
    public TimeSpan Until(int count, TimeSpan now)
    {
        Refill(now);
        var needed = Math.Clamp(count, 1, Capacity);
        return _tokens >= needed ? TimeSpan.Zero : TimeSpan.FromSeconds((needed - _tokens) / RatePerSecond);
    }

    private void Refill(TimeSpan now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(Capacity, _tokens + (now - _last).TotalSeconds * RatePerSecond);
            _last = now;
        }
    }
}
