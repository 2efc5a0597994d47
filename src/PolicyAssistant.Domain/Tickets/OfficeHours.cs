using System.Globalization;

namespace PolicyAssistant.Domain.Tickets;

/// <summary>When staff answer tickets, in China time (UTC+8). Public holidays are not modelled: a holiday counts as its weekday.</summary>
public sealed record OfficeHours(TimeOnly Opens, TimeOnly Closes, IReadOnlySet<DayOfWeek> Days)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly string[] DayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static OfficeHours Weekdays(TimeOnly opens, TimeOnly closes) =>
        new(opens, closes, new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });

    public bool IsOpen(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaOffset);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= Opens && time < Closes;
    }

    /// <summary>The next opening after <paramref name="now"/>, in China time; null when no day is a working day.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaOffset);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            var opening = new DateTimeOffset(date.ToDateTime(Opens), ChinaOffset);
            if (Days.Contains(date.DayOfWeek) && opening > local)
            {
                return opening;
            }
        }

        return null;
    }

    /// <summary>“周一至周五 8:30—17:30” when the days run on, else the days listed.</summary>
    public string Describe()
    {
        var days = Days.Order().Select(day => (int)day).ToList();
        var consecutive = days.Count > 1 && days[^1] - days[0] == days.Count - 1;
        var dayText = consecutive ? $"{DayNames[days[0]]}至{DayNames[days[^1]]}" : string.Join("、", days.Select(day => DayNames[day]));
        return $"{dayText} {Short(Opens)}—{Short(Closes)}";
    }

    /// <summary>“12月7日（周一）8:30”.</summary>
    public static string DescribeMoment(DateTimeOffset moment)
    {
        var local = moment.ToOffset(ChinaOffset);
        return $"{local.Month}月{local.Day}日（{DayNames[(int)local.DayOfWeek]}）{Short(TimeOnly.FromDateTime(local.DateTime))}";
    }

    private static string Short(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);
}
