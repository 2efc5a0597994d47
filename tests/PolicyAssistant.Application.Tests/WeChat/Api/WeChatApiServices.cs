using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Api;

/// <summary>The services of one product instance, as AddWeChat registers them, pointed at the fake API and a test database.</summary>
internal static class WeChatApiServices
{
    public static ServiceProvider Build(FakeWeChatApi api, TestDatabase database, string appSecret = FakeWeChatApi.AppSecret)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token",
            ["WeChat:AppId"] = FakeWeChatApi.AppId,
            ["WeChat:AppSecret"] = appSecret,
            ["WeChat:ApiBaseUrl"] = api.BaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PolicyAssistantDbContext>(options => DatabaseSetup.Configure(options, database.Provider, database.ConnectionString));
        services.AddWeChat(configuration);
        return services.BuildServiceProvider();
    }
}
