using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Tests.WeChat.Inbound;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>WeChat's TEMPLATESENDJOBFINISH and MASSSENDJOBFINISH events, posted to the signed webhook, settle the campaign's rows.</summary>
public sealed class CampaignReceiptTests
{
    private static async Task<CampaignTestHost> SentTemplateAsync(int followers)
    {
        var host = await CampaignTestHost.StartAsync();
        await host.SeedAsync(followers, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync("thing1=健康扶贫政策宣传月\ntime2=3月31日前", WeChatMessageKind.Template, "TEMPLATE_CAMPAIGN");
        await host.DrainAsync();
        return host;
    }

    private static async Task<CampaignTestHost> SentMassTextAsync(int followers, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await CampaignTestHost.StartAsync(provider);
        await host.SeedAsync(followers, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync();
        await host.DrainAsync();
        return host;
    }

    private static Task<HttpResponseMessage> PostTemplateReportAsync(CampaignTestHost host, string msgId, string status) =>
        PostEventAsync(host, "TEMPLATESENDJOBFINISH", $"<MsgID>{msgId}</MsgID><Status><![CDATA[{status}]]></Status>");

    private static Task<HttpResponseMessage> PostMassSendReportAsync(CampaignTestHost host, string msgId, string status, int total, int filtered, int sent, int errors) =>
        PostEventAsync(host, "MASSSENDJOBFINISH",
            $"<MsgID>{msgId}</MsgID><Status><![CDATA[{status}]]></Status><TotalCount>{total}</TotalCount><FilterCount>{filtered}</FilterCount>"
            + $"<SentCount>{sent}</SentCount><ErrorCount>{errors}</ErrorCount>");

    /// <summary>Signed at the host's clock, as WeChat's servers would sign it then.</summary>
    private static Task<HttpResponseMessage> PostEventAsync(CampaignTestHost host, string eventName, string fields) =>
        new WeChatServerSimulator(host.Http, CampaignTestHost.Token).PostAtAsync(
            WeChatServerSimulator.Event(eventName, fields, host.Clock.GetUtcNow().ToUnixTimeSeconds()), host.Clock.GetUtcNow());

    [Fact]
    public async Task TemplateReport_Success_ThatRecipientDeliveredAndNoOther()
    {
        await using var host = await SentTemplateAsync(followers: 2);
        var rows = await host.RecipientsAsync();

        await PostTemplateReportAsync(host, rows[0].ProviderMessageId!, "success");

        Assert.Equal([RecipientStatus.Delivered, RecipientStatus.Sent], (await host.RecipientsAsync()).Select(r => r.Status));
    }

    [Fact]
    public async Task TemplateReport_UserBlock_OptedOutWithTheReason()
    {
        await using var host = await SentTemplateAsync(followers: 1);

        await PostTemplateReportAsync(host, (await host.RecipientsAsync())[0].ProviderMessageId!, "failed:user block");

        var row = Assert.Single(await host.RecipientsAsync());
        Assert.Equal((RecipientStatus.OptedOut, "已拒收公众号消息"), (row.Status, row.Error));
    }

    [Fact]
    public async Task TemplateReport_SystemFailed_FailedWithAChineseReason()
    {
        await using var host = await SentTemplateAsync(followers: 1);

        await PostTemplateReportAsync(host, (await host.RecipientsAsync())[0].ProviderMessageId!, "failed: system failed");

        var row = Assert.Single(await host.RecipientsAsync());
        Assert.Equal((RecipientStatus.Failed, "微信系统原因发送失败"), (row.Status, row.Error));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MassSendReport_SendSuccessPostedTwice_CountsOnTheMessageOnceAndItsRecipientsDelivered(DatabaseProvider provider)
    {
        await using var host = await SentMassTextAsync(followers: 3, provider);
        var (messageId, msgId) = ((await host.RecipientsAsync())[0].MessageId, (await host.RecipientsAsync())[0].ProviderMessageId!);

        var answer = await (await PostMassSendReportAsync(host, msgId, "send success", total: 3, filtered: 3, sent: 2, errors: 1)).Content.ReadAsStringAsync();
        await PostMassSendReportAsync(host, msgId, "send success", total: 3, filtered: 3, sent: 2, errors: 1);

        await using var db = host.CreateContext();
        var counts = (await db.Set<CampaignMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId)).MassSendReported;
        Assert.Equal(("success", 3, 3, 2, 1, 3), (answer, counts.TotalCount, counts.FilterCount, counts.SentCount, counts.ErrorCount,
            (await host.RecipientsAsync()).Count(r => r.Status == RecipientStatus.Delivered)));
    }

    [Fact]
    public async Task MassSendReport_SendAllToTheMessagesTagOnASubscriptionAccount_AllItsRecipientsDelivered()
    {
        await using var host = await CampaignTestHost.StartAsync(account: WeChatAccountKind.Subscription);
        await host.SeedAsync(followers: 3, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync();
        await host.DrainAsync();

        await PostMassSendReportAsync(host, (await host.RecipientsAsync())[0].ProviderMessageId!, "send success", total: 3, filtered: 3, sent: 3, errors: 0);

        Assert.All(await host.RecipientsAsync(), row => Assert.Equal(RecipientStatus.Delivered, row.Status));
    }

    [Fact]
    public async Task DeleteSpentTags_SendToATag_TheTagStaysUntilWeChatReportsTheSendThenIsDeleted()
    {
        await using var host = await CampaignTestHost.StartAsync(account: WeChatAccountKind.Subscription);
        await host.SeedAsync(followers: 3, phoneOnly: 0);
        await host.ApprovedAndQueuedAsync();
        await host.DrainAsync();
        var sender = host.Services.GetRequiredService<CampaignSender>();

        await sender.DeleteSpentTagsAsync(default);
        var beforeReport = host.WeChat.Tagged.Count;
        await PostMassSendReportAsync(host, (await host.RecipientsAsync())[0].ProviderMessageId!, "send success", total: 3, filtered: 3, sent: 3, errors: 0);
        await sender.DeleteSpentTagsAsync(default);

        Assert.Equal((1, 0), (beforeReport, host.WeChat.Tagged.Count));
    }

    [Fact]
    public async Task MassSendReport_RefusedOnReview_RecipientsFailedWithTheReasonInChinese()
    {
        await using var host = await SentMassTextAsync(followers: 2);

        await PostMassSendReportAsync(host, (await host.RecipientsAsync())[0].ProviderMessageId!, "err(20013)", total: 2, filtered: 0, sent: 0, errors: 0);

        Assert.All(await host.RecipientsAsync(), row => Assert.Equal((RecipientStatus.Failed, "微信审核未通过：涉嫌版权"), (row.Status, row.Error)));
    }
}
