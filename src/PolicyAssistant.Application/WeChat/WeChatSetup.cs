using Microsoft.Extensions.Options;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Application.WeChat.Menu;

namespace PolicyAssistant.Application.WeChat;

public static class WeChatSetup
{
    /// <summary>
    /// Registers the WeChat channel: options from the "WeChat" section (environment variables such as
    /// <c>WeChat__Token</c> included), the endpoint's handler, the reply coordinator, the token provider and the
    /// API client, and the custom-menu editor's command. Needs the database, a <see cref="Conversation.Turns.TurnProcessor"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWeChat(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WeChatOptions>()
            .BindConfiguration(WeChatOptions.SectionName)
            .Validate(o => o.Mode == WeChatEncryptionMode.Plaintext || IsAesKey(o.EncodingAesKey),
                "WeChat:EncodingAesKey must be 43 Base64 characters in compatible or safe mode.")
            .Validate(o => o.AnswerBudget > TimeSpan.Zero && o.AnswerBudget < TimeSpan.FromSeconds(5),
                "WeChat:AnswerBudget must be under WeChat's 5 seconds.")
            .ValidateOnStart();
        services.AddHttpClient(WeChatAccessTokenProvider.HttpClientName, ConfigureClient);
        services.AddHttpClient<WeChatApiClient>(ConfigureClient);
        services.AddSingleton<WeChatAccessTokenProvider>();
        services.AddSingleton<WeChatInboundStore>();
        services.AddSingleton<WeChatReplyCoordinator>();
        services.AddHostedService<FinishTurnsOnStop>();
        services.AddSingleton<WeChatMessageHandler>();
        services.AddScoped<EditWeChatMenuCommand>();
        return builder;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var baseUrl = services.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl.ToString();
        // A base without a trailing slash would drop its last segment from every relative path.
        client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
    }

    private static bool IsAesKey(string key)
    {
        if (key.Length != 43) return false;
        Span<byte> bytes = stackalloc byte[33];
        return Convert.TryFromBase64String(key + "=", bytes, out var written) && written == 32;
    }
}
