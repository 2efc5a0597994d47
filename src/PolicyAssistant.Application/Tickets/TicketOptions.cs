using System.Globalization;
using PolicyAssistant.Domain.Tickets;

namespace PolicyAssistant.Application.Tickets;

/// <summary>The "Tickets" configuration section: when staff answer, in China time.</summary>
public sealed class TicketOptions
{
    public const string SectionName = "Tickets";
    public const int MaxAnswerLength = 600;

    /// <summary>"HH:mm".</summary>
    public string OpensAt { get; set; } = "08:30";

    public string ClosesAt { get; set; } = "17:30";

    public List<DayOfWeek> Days { get; set; } = [];

    public OfficeHours OfficeHours
    {
        get
        {
            var opens = TimeOnly.ParseExact(OpensAt, "H:mm", CultureInfo.InvariantCulture);
            var closes = TimeOnly.ParseExact(ClosesAt, "H:mm", CultureInfo.InvariantCulture);
            return Days.Count == 0 ? OfficeHours.Weekdays(opens, closes) : new OfficeHours(opens, closes, Days.ToHashSet());
        }
    }
}
