using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

/// <summary>The outbound pipeline against the fake Aliyun: retries, unknown results, crashes.</summary>
public sealed class SmsDispatcherTests
{
    private const string Phone = "13800138000";

    private static Task<SmsEnqueueResult> EnqueueReplyAsync(SmsTestHost sms, string outId = "reply-1") =>
        sms.EnqueueAsync(s => s.EnqueueReplyAsync(Phone, "住院不用交押金。", outId, null, CancellationToken.None));

    private static async Task<SmsOutboundMessage> SingleMessageAsync(SmsTestHost sms) => Assert.Single(await sms.ReadAsync<SmsOutboundMessage>());

    [Fact]
    public async Task Dispatch_ProviderAccepts_SendsTheTemplateOnceAndKeepsTheBizId()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();

        var taken = Assert.Single(aliyun.Taken);
        Assert.Equal(("reply-1", Phone, "鹿寨县卫健局", "SMS_REPLY", """{"content":"住院不用交押金。"}"""),
            (taken.OutId, taken.PhoneNumber, taken.SignName, taken.TemplateCode, taken.TemplateParam));
        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Accepted, taken.BizId), (message.Status, message.ProviderMessageId));
    }

    [Fact]
    public async Task Send_WrongSecret_IsRefusedForGoodBySignatureCheck()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(settings: new Dictionary<string, string?> { ["Sms:AccessKeySecret"] = "not-the-secret" });
        await using var _ = sms;
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Failed, "SignatureDoesNotMatch", 1), (message.Status, message.ErrorCode, aliyun.SignatureFailures));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dispatch_TimeoutButProviderTookIt_SettlesByQueryWithoutResending(DatabaseProvider provider)
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(provider);
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenHang);
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        var unconfirmed = await SingleMessageAsync(sms);
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromHours(1));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal(
            (SmsOutboundStatus.Unconfirmed, SmsOutboundStatus.Delivered, 1, 1, 1),
            (unconfirmed.Status, message.Status, aliyun.Requests("SendSms").Count, aliyun.Requests("QuerySendDetails").Count, aliyun.Taken.Count));
    }

    [Fact]
    public async Task Dispatch_ConnectionDroppedAfterProviderTookIt_DoesNotResend()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenDropConnection);
        aliyun.SetDeliveryStatus("reply-1", 1, "");
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Accepted, 1), (message.Status, aliyun.Requests("SendSms").Count));
    }

    [Fact]
    public async Task Dispatch_TimeoutAndProviderNeverTookIt_SendsAgainOnlyAfterTheSettleDelay()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.HangWithoutTaking);
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromSeconds(30));
        var handledTooSoon = await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromMinutes(2));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal((0, SmsOutboundStatus.Accepted, 2, 1), (handledTooSoon, message.Status, aliyun.Requests("SendSms").Count, aliyun.Taken.Count));
    }

    [Fact]
    public async Task Dispatch_BusinessLimitControl_RetriesAfterBackoffOnly()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.LimitControl);
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        var waiting = await SingleMessageAsync(sms);
        var handledBeforeBackoff = await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromSeconds(15));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal(
            (SmsOutboundStatus.Queued, "isv.BUSINESS_LIMIT_CONTROL", 0, SmsOutboundStatus.Accepted, 2, 1),
            (waiting.Status, waiting.ErrorCode, handledBeforeBackoff, message.Status, message.Attempts, aliyun.Taken.Count));
    }

    [Fact]
    public async Task Dispatch_IllegalNumber_FailsForGoodWithTheProvidersCode()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.IllegalNumber);
        await EnqueueReplyAsync(sms);

        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromHours(1));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Failed, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", 1),
            (message.Status, message.ErrorCode, message.ErrorMessage, aliyun.Requests("SendSms").Count));
    }

    [Fact]
    public async Task Dispatch_RefusedOnEveryAttempt_FailsAfterMaxAttempts()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(settings: new Dictionary<string, string?> { ["Sms:Dispatch:MaxAttempts"] = "3" });
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.LimitControl, FakeSendBehaviour.LimitControl, FakeSendBehaviour.LimitControl, FakeSendBehaviour.Accept);
        await EnqueueReplyAsync(sms);

        for (var round = 0; round < 5; round++)
        {
            await sms.DispatchAsync();
            sms.Advance(TimeSpan.FromMinutes(5));
        }

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Failed, "isv.BUSINESS_LIMIT_CONTROL", 3, 0), (message.Status, message.ErrorCode, message.Attempts, aliyun.Taken.Count));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dispatch_CrashDuringProviderCall_RowIsCheckedAfterTheLeaseNotResent(DatabaseProvider provider)
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(provider, new Dictionary<string, string?> { ["Sms:Dispatch:RequestTimeout"] = "00:01:00" });
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenHang);
        await EnqueueReplyAsync(sms);

        using (var crash = new CancellationTokenSource())
        {
            var dispatching = sms.DispatchAsync(crash.Token);
            await aliyun.WaitUntilTakenAsync(1);
            crash.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatching);
        }

        var leftBehind = await SingleMessageAsync(sms);
        var handledWithinLease = await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromMinutes(6));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal(
            (SmsOutboundStatus.Sending, 0, SmsOutboundStatus.Delivered, 1),
            (leftBehind.Status, handledWithinLease, message.Status, aliyun.Requests("SendSms").Count));
    }

    [Fact]
    public async Task Dispatch_ClaimLapsedBeforeAnyProviderCall_SendsOnce()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await EnqueueReplyAsync(sms);
        await sms.UpdateAsync<SmsOutboundMessage>(m =>
        {
            m.Status = SmsOutboundStatus.Sending;
            m.LeaseUntil = sms.Now.AddMinutes(5);
        });

        sms.Advance(TimeSpan.FromMinutes(6));
        await sms.DispatchAsync();

        var message = await SingleMessageAsync(sms);
        Assert.Equal((SmsOutboundStatus.Accepted, 1, 0), (message.Status, aliyun.Requests("SendSms").Count, aliyun.Requests("QuerySendDetails").Count));
    }
}
