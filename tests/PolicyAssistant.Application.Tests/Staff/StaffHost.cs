using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Staff;

/// <summary>The staff accounts wired as the product wires them, on a real database with the roles created and two counties with a township each.</summary>
internal sealed class StaffHost : IAsyncDisposable
{
    public const string Luzhai = "450223";
    public const string Qinglan = "450223801";
    public const string Fugu = "610822";

    private readonly IHost _host;
    private readonly TestDatabase _database;

    private StaffHost(IHost host, TestDatabase database)
    {
        _host = host;
        _database = database;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<StaffHost> StartAsync(DatabaseProvider provider)
    {
        var database = TestDatabase.Create(provider);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection();
        builder.Services.AddLogging();
        builder.AddPolicyAssistantDatabase(database.Provider, database.ConnectionString);
        builder.AddStartupTasks();
        builder.AddStaffAccounts();
        var host = builder.Build();
        await host.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            var luzhai = new Region { Code = Luzhai, Name = "鹿寨县", Level = RegionLevel.County };
            var fugu = new Region { Code = Fugu, Name = "府谷县", Level = RegionLevel.County };
            db.AddRange(luzhai, fugu, new Region { Code = Qinglan, Name = "青岚镇", Level = RegionLevel.Township, Parent = luzhai });
            await db.SaveChangesAsync();
        }

        return new StaffHost(host, database);
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _database.Dispose();
    }
}
