using Microsoft.Extensions.Configuration;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Households.Chronic;
using PolicyAssistant.Application.Households.Estimate;
using PolicyAssistant.Application.Households.FamilyDoctor;
using PolicyAssistant.Application.Households.Settlements;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Startup;

namespace PolicyAssistant.Application.Households;

public static class HouseholdsSetup
{
    /// <summary>
    /// Household data, personal-data protection and the settlement estimator, and the bot's household
    /// services: binding, the family-doctor, chronic-certification and settlement answers, the estimate
    /// dialog, the audit trail and the SMS phone directory. Relative paths in the options are taken from
    /// the folder holding content/ (demo data, policy folder) or from the data folder (key file), so the
    /// host finds them whatever its working directory. Binding sends codes through the SMS channel
    /// (AddSms) and the answers run in the assistant (AddAssistant).
    /// </summary>
    public static IHostApplicationBuilder AddHouseholdServices(this IHostApplicationBuilder builder, string contentFolder, string dataFolder)
    {
        RequireSharedPersonalDataKey(builder.Configuration);
        var services = builder.Services;
        services.AddHouseholds();
        services.AddSettlement();
        services.PostConfigure<HouseholdsOptions>(options =>
        {
            options.PersonalDataKeyFile = Path.GetFullPath(options.PersonalDataKeyFile, dataFolder);
            options.DemoDataPath = Path.GetFullPath(options.DemoDataPath, contentFolder);
        });
        services.PostConfigure<SettlementOptions>(options => options.PolicyDirectory = Path.GetFullPath(options.PolicyDirectory, contentFolder));
        services.AddScoped<IStartupTask, LoadDemoDataTask>();

        // Registered before or after AddSms, this replaces its directory that knows no number.
        services.AddScoped<IPhoneDirectory, HouseholdPhoneDirectory>();

        services.AddSingleton<RecordHouseholdAuditCommand>();
        services.AddScoped<BackOffice.GetHouseholdsQuery>();
        services.AddScoped<BackOffice.GetRegionChoicesQuery>();
        services.AddOptions<BindingLookupLimits>().BindConfiguration("RateLimits");
        services.AddOptions<BindingOptions>().BindConfiguration("Binding");
        services.AddSingleton<CurrentBindingQuery>();
        services.AddSingleton<BindingGate>();
        services.AddSingleton<FindMemberToBindQuery>();
        services.AddSingleton<SendBindingCodeCommand>();
        services.AddSingleton<VerifyBindingCodeCommand>();
        services.AddSingleton<UnbindCommand>();
        services.AddScoped<RevealBindingCodeCommand>();
        services.AddScoped<GetBindingFailuresQuery>();
        services.AddSingleton<GetFamilyDoctorQuery>();
        services.AddSingleton<GetCertificationsQuery>();
        services.AddSingleton<GetSettlementsQuery>();

        services.AddSingleton<Dialog, BindingDialog>();
        services.AddSingleton<Dialog, OfferBindingDialog>();
        services.AddSingleton<Dialog, ChronicMemberDialog>();
        services.AddSingleton<Dialog, EstimateDialog>();

        // Asked in this order: a past stay (“上次住院报了多少”) before an estimate (“花了一万能报多少”).
        services.AddSingleton<IAssistantIntent, BindIntent>();
        services.AddSingleton<IAssistantIntent, UnbindIntent>();
        services.AddSingleton<IAssistantIntent, FamilyDoctorIntent>();
        services.AddSingleton<IAssistantIntent, ChronicIntent>();
        services.AddSingleton<IAssistantIntent, SettlementsIntent>();
        services.AddSingleton<IAssistantIntent, EstimateIntent>();
        services.AddSingleton<IAssistantIntent, HouseholdRecordIntent>();
        return builder;
    }

    /// <summary>
    /// On PostgreSQL several instances share one database, and each would create a key file of its own: the
    /// second could then read nobody's ID number and bind nobody. Refuse to start instead of failing quietly.
    /// </summary>
    private static void RequireSharedPersonalDataKey(IConfiguration configuration)
    {
        var provider = configuration.GetSection("Storage").Get<StorageOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(configuration["Households:PersonalDataKey"]))
        {
            throw new InvalidOperationException(
                "Storage:Provider is PostgreSql but Households:PersonalDataKey (env Households__PersonalDataKey) is empty. "
                + "Every instance on one database needs the same key: generate one with `openssl rand -base64 32` and set it on each.");
        }
    }
}

internal sealed class LoadDemoDataTask(IServiceProvider services) : IStartupTask
{
    public int Order => StartupTaskOrder.DemoData;

    public Task RunAsync(CancellationToken cancellationToken) => services.LoadDemoDataAsync(cancellationToken);
}
