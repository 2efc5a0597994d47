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
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token",
            ["WeChat:AppId"] = FakeWeChatApi.AppId,
            ["WeChat:AppSecret"] = appSecret,
            ["WeChat:ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<PolicyAssistantDbContext>(options => DatabaseSetup.Configure(options, database.Provider, database.ConnectionString));
        builder.AddWeChat();
        return builder.Services.BuildServiceProvider();
    }
}
