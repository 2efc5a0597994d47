using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

/// <summary>
/// Campaign texts through Aliyun SendBatchSms against the fake Aliyun: grouping, one OutId per call,
/// never twice after an unanswered call, receipts and queries settling each number on its own.
/// </summary>
public sealed class SmsBatchDispatchTests
{
    private static string PhoneOf(int household) => SmsTestHost.PhoneOf(household);

    private static async Task<List<SmsOutboundMessage>> MessagesAsync(SmsTestHost sms) =>
        (await sms.ReadAsync<SmsOutboundMessage>()).OrderBy(m => m.Id).ToList();

    [Fact]
    public async Task Dispatch_CampaignTexts_BatchCallPassesTheProvidersOwnSignatureCheck()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();

        Assert.Equal((1, 0), (aliyun.BatchCalls.Count, aliyun.SignatureFailures));
    }

    [Fact]
    public async Task Dispatch_CampaignBatchSignedWithWrongSecret_FailsEveryNumberWithTheProvidersCode()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(settings: new Dictionary<string, string?> { ["Sms:AccessKeySecret"] = "not-the-secret" });
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();

        var messages = await MessagesAsync(sms);
        Assert.Equal((1, 3), (aliyun.SignatureFailures, messages.Count(m => m is { Status: SmsOutboundStatus.Failed, ErrorCode: "SignatureDoesNotMatch" })));
    }

    [Fact]
    public async Task Dispatch_250CampaignTexts_ThreeBatchCallsOf100And100And50()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(250);

        await sms.DispatchUntilIdleAsync();

        Assert.Equal([100, 100, 50], aliyun.BatchCalls.Select(c => c.PhoneNumbers.Count));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dispatch_BatchesAccepted_EveryMessageAcceptedWithItsBatchsBizIdAndOutId(DatabaseProvider provider)
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(provider);
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(250);

        await sms.DispatchUntilIdleAsync();

        var taken = aliyun.Taken.ToDictionary(t => t.PhoneNumber);
        var messages = await MessagesAsync(sms);
        Assert.Equal(250, messages.Count(m => m.Status == SmsOutboundStatus.Accepted
            && m.ProviderMessageId == taken[m.PhoneNumber].BizId && m.BatchOutId == taken[m.PhoneNumber].OutId));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dispatch_BatchTimeoutButProviderTookIt_SettlesEachNumberByQueryWithoutResending(DatabaseProvider provider)
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(provider);
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenHang);
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();
        var unconfirmed = (await MessagesAsync(sms)).Count(m => m.Status == SmsOutboundStatus.Unconfirmed);
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchUntilIdleAsync();
        sms.Advance(TimeSpan.FromHours(1));
        await sms.DispatchUntilIdleAsync();

        var delivered = (await MessagesAsync(sms)).Count(m => m.Status == SmsOutboundStatus.Delivered);
        Assert.Equal(
            (3, 1, 0, 3, 3),
            (unconfirmed, aliyun.Requests("SendBatchSms").Count, aliyun.Requests("SendSms").Count, aliyun.Requests("QuerySendDetails").Count, delivered));
    }

    [Fact]
    public async Task Dispatch_BatchTimeoutThenQueryReportsOneUndelivered_SettlesEachNumberOnItsOwn()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenHang);
        aliyun.SetDeliveryStatusOfNumber(PhoneOf(2), 2, "MK:0001");
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchUntilIdleAsync();

        Assert.Equal(
            [(SmsOutboundStatus.Delivered, null), (SmsOutboundStatus.Failed, "MK:0001"), (SmsOutboundStatus.Delivered, null)],
            (await MessagesAsync(sms)).Select(m => (m.Status, m.ErrorCode)));
    }

    [Fact]
    public async Task Dispatch_BatchTimeoutAndProviderNeverTookIt_SendsTheNumbersAgainInOneNewBatch()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.HangWithoutTaking);
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();
        sms.Advance(TimeSpan.FromMinutes(3));
        await sms.DispatchUntilIdleAsync();

        var calls = aliyun.BatchCalls;
        Assert.Equal((2, 3, true, 3), (calls.Count, calls[^1].PhoneNumbers.Count, calls[0].OutId != calls[^1].OutId, aliyun.Taken.Count));
    }

    [Fact]
    public async Task Dispatch_CrashDuringBatchCall_RowsAreCheckedAfterTheLeaseNotResent()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync(settings: new Dictionary<string, string?> { ["Sms:Dispatch:RequestTimeout"] = "00:01:00" });
        await using var _ = sms;
        aliyun.Script(FakeSendBehaviour.TakeThenHang);
        await sms.EnqueueCampaignAsync(3);

        using (var crash = new CancellationTokenSource())
        {
            var dispatching = sms.DispatchAsync(crash.Token);
            await aliyun.WaitUntilTakenAsync(3);
            crash.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatching);
        }

        sms.Advance(TimeSpan.FromMinutes(6));
        await sms.DispatchUntilIdleAsync();

        var delivered = (await MessagesAsync(sms)).Count(m => m.Status == SmsOutboundStatus.Delivered);
        Assert.Equal((1, 0, 3), (aliyun.Requests("SendBatchSms").Count, aliyun.Requests("SendSms").Count, delivered));
    }

    [Fact]
    public async Task Dispatch_NumberOptedOutAfterQueuing_NeverAppearsInTheBatch()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);
        await sms.InScopeAsync(s =>
        {
            var db = s.GetRequiredService<PolicyAssistantDbContext>();
            db.Add(new SmsOptOut { PhoneNumber = PhoneOf(2), Keyword = "R", OptedOutAt = sms.Now });
            return db.SaveChangesAsync();
        });

        await sms.DispatchAsync();

        var optedOut = (await MessagesAsync(sms))[1];
        Assert.Equal(
            (PhoneOf(1) + "," + PhoneOf(3), SmsOutboundStatus.Skipped),
            (string.Join(",", Assert.Single(aliyun.BatchCalls).PhoneNumbers), optedOut.Status));
    }

    [Fact]
    public async Task Dispatch_CampaignBatch_EveryNumbersTextEndsWithTheOptOutWording()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(3);

        await sms.DispatchAsync();

        var call = Assert.Single(aliyun.BatchCalls);
        Assert.Equal(3, call.TemplateParams.Count(p => JsonNode.Parse(p)!["content"]!.ToString().EndsWith(SmsText.OptOutFooter, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Dispatch_ReplyAndCodeBesideCampaign_GoOneByOneWithSendSms()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(2);
        await sms.EnqueueAsync(s => s.EnqueueReplyAsync(PhoneOf(7), "住院不用交押金。", "reply-1", null, CancellationToken.None));
        await sms.EnqueueAsync(s => s.EnqueueVerificationCodeAsync(PhoneOf(8), "384756", "code-1", CancellationToken.None));

        await sms.DispatchAsync();

        var sentAlone = aliyun.Requests("SendSms").Select(r => r["OutId"]).Order(StringComparer.Ordinal);
        Assert.Equal(("code-1,reply-1", 2), (string.Join(",", sentAlone), Assert.Single(aliyun.BatchCalls).PhoneNumbers.Count));
    }

    [Fact]
    public async Task Dispatch_SameNumberTwiceInOneCampaign_GoesOncePerCall()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(2, "campaign-1");
        await sms.EnqueueCampaignAsync(1, "campaign-1-again");

        await sms.DispatchUntilIdleAsync();

        Assert.Equal([2, 1], aliyun.BatchCalls.Select(c => c.PhoneNumbers.Count));
    }

    [Fact]
    public async Task Dispatch_TwoCampaignTexts_GoInSeparateBatches()
    {
        var (sms, aliyun) = await SmsTestHost.StartWithAliyunAsync();
        await using var _ = sms;
        await sms.EnqueueCampaignAsync(2, "campaign-1");
        await sms.EnqueueCampaignAsync(3, "campaign-2", "慢病签约服务：家庭医生每季度随访一次。");

        await sms.DispatchUntilIdleAsync();

        Assert.Equal([2, 3], aliyun.BatchCalls.Select(c => c.PhoneNumbers.Count));
    }
}
