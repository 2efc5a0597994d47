using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Tests.Households;

public sealed class HouseholdsServiceCollectionExtensionsTests : IDisposable
{
    private static readonly IdNumber Sample = IdNumber.Parse("450223198001010012");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyassistant-di-");

    [Fact]
    public void AddHouseholds_KeyInConfiguration_ProtectsWithThatKey()
    {
        var key = PersonalDataProtector.NewKey();
        using var provider = Build(new() { ["Households:PersonalDataKey"] = key }, services => services.AddHouseholds());

        var protector = provider.GetRequiredService<PersonalDataProtector>();

        Assert.Equal(PersonalDataProtector.FromBase64(key).HashOf(Sample), protector.HashOf(Sample));
    }

    [Fact]
    public void AddHouseholds_NoKeyConfigured_CreatesTheKeyFile()
    {
        var keyFile = Path.Combine(_folder.FullName, "personal-data.key");
        using var provider = Build(new() { ["Households:PersonalDataKeyFile"] = keyFile }, services => services.AddHouseholds());

        var protector = provider.GetRequiredService<PersonalDataProtector>();

        Assert.Equal(PersonalDataProtector.FromBase64(File.ReadAllText(keyFile)).HashOf(Sample), protector.HashOf(Sample));
    }

    [Fact]
    public async Task LoadDemoDataAsync_Enabled_LoadsIntoTheHostsDatabase()
    {
        using var provider = Build(
            new() { ["Households:PersonalDataKey"] = PersonalDataProtector.NewKey(), ["Households:LoadDemoData"] = "true", ["Households:DemoDataPath"] = Content.DemoDataPath },
            services => services.AddHouseholds());
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Database.EnsureCreatedAsync();
        }

        var result = await provider.LoadDemoDataAsync(CancellationToken.None);

        Assert.Equal(Content.DemoData.Households.Count, result.Households);
    }

    [Fact]
    public async Task LoadDemoDataAsync_NotEnabled_DoesNothing()
    {
        using var provider = Build(new() { ["Households:PersonalDataKey"] = PersonalDataProtector.NewKey() }, services => services.AddHouseholds());

        Assert.Same(DemoDataLoadResult.Skipped, await provider.LoadDemoDataAsync(CancellationToken.None));
    }

    [Fact]
    public void AddSettlement_PolicyDirectoryConfigured_LoadsItsSets()
    {
        using var provider = Build(new() { ["Settlement:PolicyDirectory"] = Content.PolicyDirectory }, services => services.AddSettlement());

        var catalog = provider.GetRequiredService<PolicyParameterCatalog>();

        Assert.Equal(2, catalog.Sets.Count);
    }

    [Fact]
    public void AddSettlement_Always_RegistersTheEstimator()
    {
        using var provider = Build([], services => services.AddSettlement());

        Assert.NotNull(provider.GetService<SettlementEstimator>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        // What the host registers; the demo data loader needs it.
        services.AddDbContext<PolicyAssistantDbContext>(options =>
            DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "test.db")}"));
        add(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
