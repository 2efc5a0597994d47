using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Reports;

public static class ReportsSetup
{
    /// <summary>The reports dashboard's queries.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetReportQuery>();
        builder.Services.TryAddScoped<FindRegionQuery>();
        return builder;
    }
}
