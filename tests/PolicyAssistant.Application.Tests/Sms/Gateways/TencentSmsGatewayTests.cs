using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms.Gateways;

/// <summary>The outbound pipeline with Tencent as the provider, against a local fake that checks TC3 signatures itself.</summary>
public sealed class TencentSmsGatewayTests
{
    private const string Phone = "13800138000";

    private static Task EnqueueReplyAsync(SmsTestHost sms) =>
        sms.EnqueueAsync(s => s.EnqueueReplyAsync(Phone, "住院不用交押金。", "reply-1", null, CancellationToken.None));

    [Fact]
    public async Task Dispatch_ProviderAccepts_SendsTheTemplateOnceAndKeepsTheSerialNo()
    {
        var (sms, tencent) = await SmsTestHost.StartWithTencentAsync();
        await using var _ = sms;
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();

        var taken = Assert.Single(tencent.Taken);
        var message = Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal(("reply-1", Phone, "1234567", "住院不用交押金。", 0), (taken.SessionContext, taken.PhoneNumber, taken.TemplateId, Assert.Single(taken.TemplateParams), tencent.SignatureFailures));
        Assert.Equal((SmsOutboundStatus.Accepted, taken.SerialNo), (message.Status, message.ProviderMessageId));
    }

    [Fact]
    public async Task Dispatch_PhoneNumberLimitExceeded_IsRetriedAfterBackoff()
    {
        var (sms, tencent) = await SmsTestHost.StartWithTencentAsync();
        await using var _ = sms;
        tencent.Script(FakeSendBehaviour.LimitControl);
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        var waiting = Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());
        sms.Advance(TimeSpan.FromSeconds(15));
        await sms.DispatchAsync();

        var message = Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal((SmsOutboundStatus.Queued, "LimitExceeded.PhoneNumberThirtySecondLimit", SmsOutboundStatus.Accepted, 1),
            (waiting.Status, waiting.ErrorCode, message.Status, tencent.Taken.Count));
    }

    [Fact]
    public async Task Dispatch_CampaignTexts_OneSendSmsCallCarriesEveryNumber()
    {
        var (sms, tencent) = await SmsTestHost.StartWithTencentAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();

        var serialNumbers = (await sms.ReadAsync<SmsOutboundMessage>()).Where(m => m.Status == SmsOutboundStatus.Accepted).Select(m => m.ProviderMessageId).Distinct().Count();
        Assert.Equal((1, 3), (tencent.Calls("SendSms"), serialNumbers));
    }

    [Fact]
    public async Task Dispatch_OneNumberOfABatchRefused_OnlyThatNumberWaitsForRetry()
    {
        var (sms, tencent) = await SmsTestHost.StartWithTencentAsync();
        await using var _ = sms;
        tencent.RefuseOnce(SmsTestHost.PhoneOf(2));
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();

        Assert.Equal(
            [(SmsOutboundStatus.Accepted, null), (SmsOutboundStatus.Queued, "LimitExceeded.PhoneNumberDailyLimit"), (SmsOutboundStatus.Accepted, null)],
            (await sms.ReadAsync<SmsOutboundMessage>()).OrderBy(m => m.Id).Select(m => (m.Status, m.ErrorCode)));
    }

    [Fact]
    public async Task Dispatch_TimeoutAndNoReceiptYet_WaitsForTheReceiptInsteadOfResending()
    {
        var (sms, tencent) = await SmsTestHost.StartWithTencentAsync();
        await using var _ = sms;
        tencent.Script(FakeSendBehaviour.TakeThenHang);
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchAsync();
        var beforeReceipt = Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());
        tencent.ReportAll();
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchAsync();

        var message = Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal((SmsOutboundStatus.Unconfirmed, SmsOutboundStatus.Delivered, 1),
            (beforeReceipt.Status, message.Status, tencent.Calls("SendSms")));
    }
}
