using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

/// <summary>Delivery receipts settling texts sent to the fake Aliyun, one by one and in batches.</summary>
public sealed class SmsReceiptRecorderTests
{
    private const string Phone = "13800138000";

    private static string PhoneOf(int household) => SmsTestHost.PhoneOf(household);

    private static Task<SmsEnqueueResult> EnqueueReplyAsync(SmsTestHost sms) =>
        sms.EnqueueAsync(s => s.EnqueueReplyAsync(Phone, "住院不用交押金。", "reply-1", null, CancellationToken.None));

    private static async Task<SmsOutboundMessage> SingleMessageAsync(SmsTestHost sms) => Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());

    private static async Task<List<SmsOutboundMessage>> MessagesAsync(SmsTestHost sms) =>
        (await sms.ReadAsync<SmsOutboundMessage>()).OrderBy(m => m.Id).ToList();

    [Fact]
    public async Task RecordReceipts_SuccessForOutId_MarksDelivered()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await EnqueueReplyAsync(sms);
        await sms.DispatchAsync();

        await sms.InScopeAsync(s => s.GetRequiredService<SmsReceiptRecorder>().RecordReceiptsAsync(
            [new SmsReceipt("reply-1", aliyun.Taken[0].BizId, true, "DELIVERED", "用户接收成功", sms.Now)], CancellationToken.None));

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Delivered, sms.Now), (message.Status, message.DeliveredAt));
    }

    [Fact]
    public async Task RecordReceipts_FailureForBizId_MarksFailedWithTheReceiptsCode()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await EnqueueReplyAsync(sms);
        await sms.DispatchAsync();

        await sms.InScopeAsync(s => s.GetRequiredService<SmsReceiptRecorder>().RecordReceiptsAsync(
            [new SmsReceipt(null, aliyun.Taken[0].BizId, false, "MK:0001", "用户关机", sms.Now)], CancellationToken.None));

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Failed, "MK:0001"), (message.Status, message.ErrorCode));
    }

    [Fact]
    public async Task RecordReceipts_ForUnconfirmedMessage_SettlesItWithoutResend()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenHang);
        await EnqueueReplyAsync(sms);
        await sms.DispatchAsync();

        await sms.InScopeAsync(s => s.GetRequiredService<SmsReceiptRecorder>().RecordReceiptsAsync(
            [new SmsReceipt("reply-1", aliyun.Taken[0].BizId, true, "DELIVERED", "", sms.Now)], CancellationToken.None));
        sms.Advance(TimeSpan.FromHours(1));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Delivered, aliyun.Taken[0].BizId, 1, 0),
            (message.Status, message.ProviderMessageId, aliyun.Requests("SendSms").Count, aliyun.Requests("QuerySendDetails").Count));
    }

    [Fact]
    public async Task RecordReceipts_BatchOutIdAndNumber_SettlesOnlyThatNumbersMessage()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);
        await sms.DispatchAsync();
        var batch = aliyun.Taken[0];

        await sms.InScopeAsync(s => s.GetRequiredService<SmsReceiptRecorder>().RecordReceiptsAsync(
            [new SmsReceipt(batch.OutId, batch.BizId, false, "MK:0001", "用户关机", sms.Now, PhoneOf(2))], CancellationToken.None));

        Assert.Equal(
            [SmsOutboundStatus.Accepted, SmsOutboundStatus.Failed, SmsOutboundStatus.Accepted],
            (await MessagesAsync(sms)).Select(m => m.Status));
    }

    [Fact]
    public async Task RecordReceipts_BatchBizIdWithoutNumber_SettlesNothing()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);
        await sms.DispatchAsync();

        var applied = await sms.InScopeAsync(s => s.GetRequiredService<SmsReceiptRecorder>().RecordReceiptsAsync(
            [new SmsReceipt(null, aliyun.Taken[0].BizId, true, "DELIVERED", "", sms.Now)], CancellationToken.None));

        Assert.Equal(0, applied);
    }
}
