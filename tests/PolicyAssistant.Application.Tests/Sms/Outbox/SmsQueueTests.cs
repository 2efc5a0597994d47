using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

/// <summary>Queuing rules: one row per OutId, the opt-out wording, the code limit, numbers checked and normalised.</summary>
public sealed class SmsQueueTests : IAsyncLifetime
{
    private const string Phone = "13800138000";
    private SmsTestHost _sms = null!;

    public Task InitializeAsync()
    {
        _sms = SmsTestHost.Create(DatabaseProvider.Sqlite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _sms.DisposeAsync();

    [Fact]
    public async Task Enqueue_SameOutIdTwice_QueuesOnce()
    {
        var first = await _sms.EnqueueAsync(s => s.EnqueueReplyAsync(Phone, "第一次", "reply-1", null, CancellationToken.None));

        var second = await _sms.EnqueueAsync(s => s.EnqueueReplyAsync(Phone, "第二次", "reply-1", null, CancellationToken.None));

        Assert.Equal(((SmsEnqueueResult.Queued)first).MessageId, Assert.IsType<SmsEnqueueResult.AlreadyQueued>(second).MessageId);
    }

    [Fact]
    public async Task Enqueue_Campaign_EndsWithTheOptOutWording()
    {
        await _sms.EnqueueAsync(s => s.EnqueueCampaignAsync(Phone, "本月是健康扶贫政策宣传月。", "campaign-1-1", CancellationToken.None));

        var message = Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal(("本月是健康扶贫政策宣传月。拒收请回复R", "SMS_CAMPAIGN"), (message.Text, message.TemplateCode));
    }

    [Fact]
    public async Task Enqueue_CampaignAlreadyEndingWithOptOutWording_IsNotDoubled()
    {
        await _sms.EnqueueAsync(s => s.EnqueueCampaignAsync(Phone, "宣传月。拒收请回复R", "campaign-1-1", CancellationToken.None));

        Assert.Equal("宣传月。拒收请回复R", Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>()).Text);
    }

    [Fact]
    public async Task Enqueue_VerificationCodesBeyondTheLimit_AreRefused()
    {
        var results = new List<SmsEnqueueResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await _sms.EnqueueAsync(s => s.EnqueueVerificationCodeAsync(Phone, "123456", $"code-{i}", CancellationToken.None)));
        }

        Assert.Equal([.. Enumerable.Repeat(typeof(SmsEnqueueResult.Queued), 5), typeof(SmsEnqueueResult.RateLimited)], results.Select(r => r.GetType()));
    }

    [Fact]
    public async Task Enqueue_VerificationCodeAfterTheWindow_IsQueuedAgain()
    {
        for (var i = 0; i < 5; i++)
        {
            await _sms.EnqueueAsync(s => s.EnqueueVerificationCodeAsync(Phone, "123456", $"code-{i}", CancellationToken.None));
        }

        _sms.Advance(TimeSpan.FromMinutes(61));
        var result = await _sms.EnqueueAsync(s => s.EnqueueVerificationCodeAsync(Phone, "654321", "code-late", CancellationToken.None));

        Assert.IsType<SmsEnqueueResult.Queued>(result);
    }

    [Fact]
    public async Task Enqueue_VerificationCode_UsesTheCodeTemplate()
    {
        await _sms.EnqueueAsync(s => s.EnqueueVerificationCodeAsync(Phone, "123456", "code-1", CancellationToken.None));

        var message = Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal(("SMS_CODE", """{"code":"123456"}"""), (message.TemplateCode, message.TemplateParamsJson));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("0771-1234567")]
    public async Task Enqueue_NotAMobileNumber_IsRefusedAndNothingStored(string phoneNumber)
    {
        var result = await _sms.EnqueueAsync(s => s.EnqueueReplyAsync(phoneNumber, "答", "reply-1", null, CancellationToken.None));

        Assert.Equal((typeof(SmsEnqueueResult.InvalidPhoneNumber), 0), (result.GetType(), (await _sms.ReadAsync<SmsOutboundMessage>()).Count));
    }

    [Fact]
    public async Task Enqueue_FormattedNumber_IsStoredNormalized()
    {
        await _sms.EnqueueAsync(s => s.EnqueueReplyAsync("+86 138-0013-8000", "答", "reply-1", null, CancellationToken.None));

        Assert.Equal(Phone, Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>()).PhoneNumber);
    }
}
