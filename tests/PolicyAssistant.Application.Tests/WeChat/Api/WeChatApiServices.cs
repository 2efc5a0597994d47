using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Api;

/// <summary>The services of one product instance, as AddWeChat registers them, pointed at the fake API and a test database.</summary>
internal static class WeChatApiServices
{
    public static ServiceProvider Build(FakeWeChatApi api, TestDatabase database, string appSecret = FakeWeChatApi.AppSecret)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(api.Settings)
        {
            ["WeChat:Token"] = "token",
            ["WeChat:AppSecret"] = appSecret,
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPolicyAssistantDatabase(database.Provider, database.ConnectionString);
        builder.AddWeChat();
        return builder.Services.BuildServiceProvider();
    }
}

/// <summary>A test class's fake WeChat API, SQLite file and product services on them, started before each test and stopped after it.</summary>
public abstract class WeChatApiTest : IAsyncLifetime
{
    protected FakeWeChatApi Api { get; private set; } = null!;

    protected TestDatabase Database { get; private set; } = null!;

    protected ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeWeChatApi.StartAsync();
        Database = TestDatabase.CreateSqlite();
        Database.EnsureCreated();
        Services = WeChatApiServices.Build(Api, Database);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Database.Dispose();
        await Api.DisposeAsync();
    }
}
