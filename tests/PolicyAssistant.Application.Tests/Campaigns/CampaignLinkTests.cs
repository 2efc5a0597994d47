using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>Template messages carry each recipient's own link; opening it is how a row becomes read.</summary>
public sealed class CampaignLinkTests
{
    private static async Task<CampaignTestHost> SentTemplateAsync(int followers)
    {
        var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync("thing1=健康扶贫政策宣传月\ntime2=3月31日前", WeChatMessageKind.Template, "TEMPLATE_CAMPAIGN");
        await host.DrainAsync();
        return host;
    }

    [Fact]
    public async Task Send_TemplateMessage_EachRecipientsLinkCarriesTheirOwnToken()
    {
        await using var host = await SentTemplateAsync(followers: 2);

        var urls = host.WeChat.Received.Where(c => c.Path == "cgi-bin/message/template/send").Select(c => (string)c.Body["url"]!).Order().ToList();
        var links = (await host.RecipientsAsync()).Select(r => CampaignLinks.LinkOf(new Uri(CampaignTestHost.PublicBaseUrl), r.ReadToken!).ToString()).Order().ToList();
        Assert.Equal(links, urls);
    }

    [Fact]
    public async Task Open_TheLinkTwice_ReadOnceAndCountedInTheVillage()
    {
        await using var host = await SentTemplateAsync(followers: 2);
        var row = (await host.RecipientsAsync())[0];

        var shown = await host.InScopeAsync(services => services.GetRequiredService<OpenCampaignLinkCommand>().OpenAsync(row.ReadToken!, default));
        await host.InScopeAsync(services => services.GetRequiredService<OpenCampaignLinkCommand>().OpenAsync(row.ReadToken!, default));

        var village = Assert.Single(await host.InScopeAsync(services => services.GetRequiredService<CampaignQueries>().VillageStatisticsAsync(row.MessageId, default)));
        Assert.Equal(("健康扶贫政策宣传月 3月31日前", 1, 2), (string.Join(' ', shown!.Lines), village.Read, village.Sent));
    }

    [Fact]
    public async Task Open_ATokenNoRecipientHas_NothingShownAndNothingRead()
    {
        await using var host = await SentTemplateAsync(followers: 1);

        var shown = await host.InScopeAsync(services => services.GetRequiredService<OpenCampaignLinkCommand>().OpenAsync(CampaignLinks.NewToken(), default));

        Assert.Equal((null, RecipientStatus.Sent), (shown, Assert.Single(await host.RecipientsAsync()).Status));
    }
}
