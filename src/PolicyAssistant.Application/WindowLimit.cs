namespace PolicyAssistant.Application;

/// <summary>At most <see cref="PermitLimit"/> requests in each <see cref="Window"/> (one entry of the "RateLimits" section).</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
