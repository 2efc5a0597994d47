using PolicyAssistant.Application.Startup;
using PolicyAssistant.Data.Households;

namespace PolicyAssistant.Application.Households;

public static class HouseholdsSetup
{
    /// <summary>
    /// Household data, personal-data protection and the settlement estimator. Relative paths in their
    /// options are taken from the folder holding content/ (demo data, policy folder) or from the data
    /// folder (key file), so the host finds them whatever its working directory.
    /// </summary>
    public static IHostApplicationBuilder AddHouseholdServices(this IHostApplicationBuilder builder, string baseFolder, string dataFolder)
    {
        builder.Services.AddHouseholds();
        builder.Services.AddSettlement();
        builder.Services.PostConfigure<HouseholdsOptions>(options =>
        {
            options.PersonalDataKeyFile = Path.GetFullPath(options.PersonalDataKeyFile, dataFolder);
            options.DemoDataPath = Path.GetFullPath(options.DemoDataPath, baseFolder);
        });
        builder.Services.PostConfigure<SettlementOptions>(options => options.PolicyDirectory = Path.GetFullPath(options.PolicyDirectory, baseFolder));
        builder.Services.AddScoped<IStartupTask, LoadDemoDataTask>();
        return builder;
    }
}

internal sealed class LoadDemoDataTask(IServiceProvider services) : IStartupTask
{
    public int Order => StartupTaskOrder.DemoData;

    public Task RunAsync(CancellationToken cancellationToken) => services.LoadDemoDataAsync(cancellationToken);
}
