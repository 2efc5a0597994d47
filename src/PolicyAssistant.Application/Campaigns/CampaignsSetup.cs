using PolicyAssistant.Application.WeChat.Api;

namespace PolicyAssistant.Application.Campaigns;

public static class CampaignsSetup
{
    /// <summary>
    /// Campaigns: options from section "Campaigns", the commands and queries, the follower middleware
    /// (OpenIDs and follow state for WeChat sends), the sender and what WeChat's receipts do to its rows. Needs AddSms and AddWeChat.
    /// </summary>
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.SectionName);
        services.AddScoped<CampaignCommands>();
        services.AddScoped<EnqueueAudienceCommand>();
        services.AddScoped<CampaignQueries>();
        services.AddScoped<SendTestMessageCommand>();
        services.AddScoped<OpenCampaignLinkCommand>();
        services.AddSingleton<IMiddleware, WeChatFollowerMiddleware>();
        services.AddSingleton<CampaignSender>();
        services.AddSingleton<IWeChatReceiptHandler, CampaignReceipts>();
        services.AddHostedService<CampaignSendWorker>();
        return builder;
    }
}
