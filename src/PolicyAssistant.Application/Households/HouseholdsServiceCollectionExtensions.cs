using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households;

public sealed class HouseholdsOptions
{
    /// <summary>Base64 master key (32 bytes or more) for personal data; set it in production (<c>Households__PersonalDataKey</c>).</summary>
    public string? PersonalDataKey { get; set; }

    /// <summary>Used when <see cref="PersonalDataKey"/> is not set: created on the first run, in the data folder when relative. Back it up with the database.</summary>
    public string PersonalDataKeyFile { get; set; } = "personal-data.key";

    /// <summary>Load the fictional demo data set into an empty database at startup (see <see cref="HouseholdsServiceCollectionExtensions.LoadDemoDataAsync"/>).</summary>
    public bool LoadDemoData { get; set; }

    /// <summary>Relative paths are taken from the content folder.</summary>
    public string DemoDataPath { get; set; } = "demo/demo-data.json";
}

public sealed class SettlementOptions
{
    /// <summary>Relative paths are taken from the content folder.</summary>
    public string PolicyDirectory { get; set; } = "policies";
}

public static class HouseholdsServiceCollectionExtensions
{
    /// <summary>The personal-data protector and the demo data loader; options from the “Households” section.</summary>
    public static IServiceCollection AddHouseholds(this IServiceCollection services)
    {
        services.AddOptions<HouseholdsOptions>().BindConfiguration("Households");
        services.AddSingleton(provider =>
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
        });
        services.AddScoped<DemoDataLoader>();
        return services;
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

    /// <summary>The policy parameter catalog (read once from the “Settlement” section's folder) and the estimator.</summary>
    public static IServiceCollection AddSettlement(this IServiceCollection services)
    {
        services.AddOptions<SettlementOptions>().BindConfiguration("Settlement");
        services.AddSingleton(provider =>
            PolicyParameterCatalog.LoadDirectory(provider.GetRequiredService<IOptions<SettlementOptions>>().Value.PolicyDirectory));
        services.AddSingleton<SettlementEstimator>();
        return services;
    }
}
