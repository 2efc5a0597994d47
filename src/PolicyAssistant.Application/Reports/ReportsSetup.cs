using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Reports;

public static class ReportsSetup
{
    /// <summary>The reports dashboard's queries (the awareness query for its 知晓率 line).</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetReportQuery>();
        builder.Services.TryAddScoped<FindRegionQuery>();
        builder.Services.TryAddScoped<Awareness.GetAwarenessReportQuery>();
        return builder;
    }
}
