using System.Globalization;
using System.Security.Claims;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Reports;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Reports;

/// <summary>The query string every report page shares (地区 by name, 月份 as yyyy-MM), read into a <see cref="ReportFilter"/>.</summary>
public sealed class ReportPageFilter
{
    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    [FromQuery(Name = "month")]
    public string? Month { get; set; }

    public static string Percent(decimal? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal) : "无数据";

    /// <summary>The filter, or the Chinese reason it cannot be applied.</summary>
    public async Task<(ReportFilter? Filter, string? Problem)> ResolveAsync(ClaimsPrincipal user, FindRegionQuery regions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.GetLocalNow();
        var (year, month) = (today.Year, today.Month);
        if (Month?.Trim() is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return (null, "月份格式不对，请按“2019-10”这样填写。");
            }

            (year, month) = (first.Year, first.Month);
        }

        Month = $"{year:0000}-{month:00}";
        var scope = user.ToStaffScope();
        return await regions.FindAsync(scope, Region, cancellationToken) switch
        {
            RegionLookup.Problem problem => (null, problem.Message),
            RegionLookup.Found found => (new ReportFilter(scope, found.Region, year, month), null),
            _ => (new ReportFilter(scope, null, year, month), null),
        };
    }
}
