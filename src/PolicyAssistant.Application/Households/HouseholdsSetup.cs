using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Households.Chronic;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Application.Households.Estimate;
using PolicyAssistant.Application.Households.FamilyDoctor;
using PolicyAssistant.Application.Households.Settlements;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Settlement;

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
    public static IHostApplicationBuilder AddHouseholds(this IHostApplicationBuilder builder, string contentFolder, string dataFolder)
    {
        RequireSharedPersonalDataKey(builder.Configuration);
        var services = builder.Services;
        services.AddOptions<HouseholdsOptions>().BindConfiguration("Households").PostConfigure(options =>
        {
            options.PersonalDataKeyFile = Path.GetFullPath(options.PersonalDataKeyFile, dataFolder);
            options.DemoDataPath = Path.GetFullPath(options.DemoDataPath, contentFolder);
        });
        services.AddOptions<SettlementOptions>().BindConfiguration("Settlement")
            .PostConfigure(options => options.PolicyDirectory = Path.GetFullPath(options.PolicyDirectory, contentFolder));
        services.AddSingleton(CreatePersonalDataProtector);
        services.AddSingleton(provider => PolicyParameterCatalog.LoadDirectory(provider.GetRequiredService<IOptions<SettlementOptions>>().Value.PolicyDirectory));
        services.AddSingleton<SettlementEstimator>();
        services.AddScoped<DemoDataLoader>();
        services.AddScoped<IStartupTask, LoadDemoDataTask>();

        // Called before or after AddSms, the product has this one directory: AddSms only adds its empty one when none is there.
        services.Replace(ServiceDescriptor.Scoped<IPhoneDirectory, HouseholdPhoneDirectory>());

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
    /// For the host's startup: loads the demo data when <see cref="HouseholdsOptions.LoadDemoData"/> is on and the
    /// database has no households, moving its dates up to today (from the registered <see cref="TimeProvider"/>).
    /// </summary>
    public static async Task<DemoDataLoadResult> LoadDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<HouseholdsOptions>>().Value;
        if (!options.LoadDemoData)
        {
            return DemoDataLoadResult.Skipped;
        }

        var today = DateOnly.FromDateTime((services.GetService<TimeProvider>() ?? TimeProvider.System).GetLocalNow().DateTime);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync(options.DemoDataPath, today, cancellationToken);
    }

    /// <summary>The configured key, else the key file (created on the first run, with a warning to set the key in production).</summary>
    private static PersonalDataProtector CreatePersonalDataProtector(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<HouseholdsOptions>>().Value;
        if (options.PersonalDataKey is { Length: > 0 } key)
        {
            return PersonalDataProtector.FromBase64(key);
        }

        var (fileKey, created) = PersonalDataKeyStore.LoadOrCreate(options.PersonalDataKeyFile);
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(PersonalDataKeyStore));
        if (created)
        {
            logger?.LogWarning("Created personal-data key file {KeyFile}; set Households:PersonalDataKey in production and back the key up: without it, stored ID numbers cannot be read.", options.PersonalDataKeyFile);
        }

        return PersonalDataProtector.FromBase64(fileKey);
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
