using System.Globalization;

namespace PolicyAssistant.Domain.Text;

/// <summary>Dates as staff read them, 2018年7月20日, in China time (UTC+8, no daylight saving).</summary>
public static class ChineseDates
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>A calendar date as stored (no time zone).</summary>
    public static string Date(DateTime date) => Date(DateOnly.FromDateTime(date));

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime));

    /// <summary>A UTC instant with its China time of day: 2018年7月20日 14:05.</summary>
    public static string DateTime(DateTime utc) => DateTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static string DateTime(DateTimeOffset instant)
    {
        var china = instant.ToOffset(ChinaOffset);
        return string.Create(CultureInfo.InvariantCulture, $"{Date(DateOnly.FromDateTime(china.DateTime))} {china:HH:mm}");
    }
}
