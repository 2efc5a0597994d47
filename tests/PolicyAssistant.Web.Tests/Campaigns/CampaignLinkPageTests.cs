using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Web.Tests.Campaigns;

/// <summary>A household opens the link its template message carried: /r/{token} in the real product.</summary>
public sealed class CampaignLinkPageTests(SharedProduct product) : IClassFixture<SharedProduct>
{
    /// <summary>A delivered template message's recipient, as the sender and WeChat's report leave it; returns the row's id and token.</summary>
    private async Task<(long Id, string Token)> DeliveredTemplateRecipientAsync()
    {
        using var scope = product.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        var message = new CampaignMessage
        {
            Title = "健康扶贫政策宣传月",
            Body = "thing1=住院先诊疗后付费\ntime2=3月31日前",
            WeChatKind = WeChatMessageKind.Template,
            WeChatMediaOrTemplateId = "TEMPLATE_CAMPAIGN",
            Audience = new Audience(),
            Status = CampaignMessageStatus.Completed,
            Campaign = new Campaign { Name = "宣传月", Theme = "先诊疗后付费" },
        };
        var token = CampaignLinks.NewToken();
        var row = new CampaignRecipient { MemberId = 1, HouseholdId = 1, VillageId = 1, Channel = RecipientChannel.WeChat, Status = RecipientStatus.Delivered, ReadToken = token };
        db.Add(message);
        await db.SaveChangesAsync();
        row.MessageId = message.Id;
        db.Add(row);
        await db.SaveChangesAsync();
        return (row.Id, token);
    }

    private async Task<RecipientStatus> StatusOfAsync(long id)
    {
        using var scope = product.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<CampaignRecipient>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }

    [Fact]
    public async Task Open_OwnLink_ShowsTheMessageAndMarksTheRecipientRead()
    {
        using var client = product.Factory.CreateClient();
        var (id, token) = await DeliveredTemplateRecipientAsync();

        var response = await client.GetAsync($"/r/{token}");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, true, RecipientStatus.Read), (response.StatusCode, page.Contains("住院先诊疗后付费", StringComparison.Ordinal), await StatusOfAsync(id)));
    }

    [Fact]
    public async Task Open_OwnLinkAgain_StillReadAndStillShown()
    {
        using var client = product.Factory.CreateClient();
        var (id, token) = await DeliveredTemplateRecipientAsync();
        await client.GetAsync($"/r/{token}");

        var again = await client.GetAsync($"/r/{token}");

        Assert.Equal((HttpStatusCode.OK, RecipientStatus.Read), (again.StatusCode, await StatusOfAsync(id)));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    public async Task Open_ForgedToken_NotFoundPageInChinese(string token)
    {
        using var client = product.Factory.CreateClient();

        var response = await client.GetAsync($"/r/{token}");

        Assert.Equal((HttpStatusCode.NotFound, true), (response.StatusCode, (await response.Content.ReadAsStringAsync()).Contains("链接无效", StringComparison.Ordinal)));
    }
}
