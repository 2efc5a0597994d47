using System.Globalization;

namespace PolicyAssistant.Application.Sms;

/// <summary>China Standard Time (UTC+8, no daylight saving), in which the providers write their dates.</summary>
internal static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(DateTime utc) => utc + Offset;

    /// <summary>Reads "yyyy-MM-dd HH:mm:ss" in China time as UTC; null when it is not such a date.</summary>
    public static DateTime? ParseToUtc(string? value) =>
        DateTime.TryParseExact(value?.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc)
            : null;
}

internal static class SmsClock
{
    /// <summary>Now in UTC, to the millisecond, so a time written to either database reads back equal (it is also a concurrency token).</summary>
    public static DateTime UtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
