using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;

namespace PolicyAssistant.Application.WeChat;

public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WeChat channel: options from the "WeChat" section of <paramref name="configuration"/>
    /// (which in the host includes environment variables such as <c>WeChat__Token</c>), the endpoint's
    /// handler, the reply coordinator, the token provider and the API client. Needs a
    /// <see cref="Data.PolicyAssistantDbContext"/> and a <see cref="Conversation.Turns.TurnProcessor"/> in the container.
    /// </summary>
    public static IServiceCollection AddWeChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WeChatOptions>()
            .Bind(configuration.GetSection(WeChatOptions.SectionName))
            .Validate(o => o.Mode == WeChatEncryptionMode.Plaintext || IsAesKey(o.EncodingAesKey),
                "WeChat:EncodingAesKey must be 43 Base64 characters in compatible or safe mode.")
            .Validate(o => o.AnswerBudget > TimeSpan.Zero && o.AnswerBudget < TimeSpan.FromSeconds(5),
                "WeChat:AnswerBudget must be under WeChat's 5 seconds.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WeChatAccessTokenProvider.HttpClientName, ConfigureClient);
        services.AddHttpClient<WeChatApiClient>(ConfigureClient);
        services.AddSingleton<WeChatAccessTokenProvider>();
        services.AddSingleton<WeChatReplyCoordinator>();
        services.AddSingleton<WeChatMessageHandler>();
        return services;
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
