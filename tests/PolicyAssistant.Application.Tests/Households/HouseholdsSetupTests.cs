using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

public sealed class HouseholdsSetupTests : IDisposable
{
    private static readonly IdNumber Sample = IdNumber.Parse("450223198001010012");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyassistant-di-");

    [Fact]
    public void AddHouseholds_KeyInConfiguration_ProtectsWithThatKey()
    {
        var key = PersonalDataProtector.NewKey();
        using var provider = Build(new() { ["Households:PersonalDataKey"] = key });

        var protector = provider.GetRequiredService<PersonalDataProtector>();

        Assert.Equal(PersonalDataProtector.FromBase64(key).HashOf(Sample), protector.HashOf(Sample));
    }

    [Fact]
    public void AddHouseholds_NoKeyConfigured_CreatesTheKeyFile()
    {
        var keyFile = Path.Combine(_folder.FullName, "personal-data.key");
        using var provider = Build(new() { ["Households:PersonalDataKeyFile"] = keyFile });

        var protector = provider.GetRequiredService<PersonalDataProtector>();

        Assert.Equal(PersonalDataProtector.FromBase64(File.ReadAllText(keyFile)).HashOf(Sample), protector.HashOf(Sample));
    }

    [Fact]
    public async Task LoadDemoDataAsync_Enabled_LoadsIntoTheHostsDatabase()
    {
        using var provider = Build(
            new() { ["Households:PersonalDataKey"] = PersonalDataProtector.NewKey(), ["Households:LoadDemoData"] = "true", ["Households:DemoDataPath"] = Content.DemoDataPath });
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
        using var provider = Build(new() { ["Households:PersonalDataKey"] = PersonalDataProtector.NewKey() });

        Assert.Same(DemoDataLoadResult.Skipped, await provider.LoadDemoDataAsync(CancellationToken.None));
    }

    [Fact]
    public void AddHouseholds_PolicyDirectoryConfigured_LoadsItsSets()
    {
        using var provider = Build(new() { ["Settlement:PolicyDirectory"] = Content.PolicyDirectory });

        var catalog = provider.GetRequiredService<PolicyParameterCatalog>();

        Assert.Equal(2, catalog.Sets.Count);
    }

    [Fact]
    public void AddHouseholds_PolicyDirectoryRelative_IsTakenFromTheContentFolder()
    {
        using var provider = Build(new() { ["Settlement:PolicyDirectory"] = "policies" });

        var catalog = provider.GetRequiredService<PolicyParameterCatalog>();

        Assert.Equal(2, catalog.Sets.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddHouseholds_BeforeOrAfterAddSms_LeavesOnlyTheHouseholdsPhoneDirectory(bool smsFirst)
    {
        using var provider = Build([], smsFirst ? Order.SmsFirst : Order.SmsLast);

        using var scope = provider.CreateScope();

        Assert.IsType<HouseholdPhoneDirectory>(Assert.Single(scope.ServiceProvider.GetServices<IPhoneDirectory>()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private enum Order
    {
        NoSms,
        SmsFirst,
        SmsLast,
    }

    private ServiceProvider Build(Dictionary<string, string?> settings, Order sms = Order.NoSms)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);

        // What the host registers; the demo data loader needs it.
        builder.AddPolicyAssistantDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "test.db")}");
        if (sms == Order.SmsFirst)
        {
            builder.AddSms();
        }

        builder.AddHouseholds(RepositoryPaths.Content, _folder.FullName);
        if (sms == Order.SmsLast)
        {
            builder.AddSms();
        }

        return builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
