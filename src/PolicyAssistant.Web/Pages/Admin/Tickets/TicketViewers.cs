using System.Security.Claims;
using PolicyAssistant.Application.Tickets;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Tickets;

internal static class TicketViewers
{
    public static TicketViewer ToTicketViewer(this ClaimsPrincipal user) => new(user.ToStaffScope(), user.IsInRole(nameof(StaffRole.Administrator)));

    /// <summary>China time, as staff read it: 2019年10月20日 10:05.</summary>
    public static string ChinaTime(DateTime utc)
    {
        var local = DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8);
        return $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    }

    public static string Describe(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalHours: >= 24 } s => $"{(int)s.TotalDays}天{s.Hours}小时",
        { TotalMinutes: >= 60 } s => $"{(int)s.TotalHours}小时{s.Minutes}分",
        { } s => $"{Math.Max(1, (int)Math.Round(s.TotalMinutes))}分钟",
    };
}
