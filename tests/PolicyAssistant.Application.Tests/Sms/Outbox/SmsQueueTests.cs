using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Inbound;
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

    [Fact]
    public async Task EnqueueCampaigns_ManyRecipients_QueuesEachInTheOrderGiven()
    {
        var texts = Enumerable.Range(1, 30).Select(i => new SmsCampaignText($"cmp-{i}", SmsTestHost.PhoneOf(i), "本月是健康扶贫政策宣传月。")).ToList();

        var results = await EnqueueCampaignsAsync(texts);

        var messages = (await _sms.ReadAsync<SmsOutboundMessage>()).ToDictionary(m => m.Id);
        Assert.Equal(
            texts.Select(t => (t.OutId, t.PhoneNumber, "本月是健康扶贫政策宣传月。拒收请回复R", SmsOutboundStatus.Queued)),
            results.Select(r => messages[Assert.IsType<SmsEnqueueResult.Queued>(r).MessageId]).Select(m => (m.OutId, m.PhoneNumber, m.Text, m.Status)));
    }

    [Fact]
    public async Task EnqueueCampaigns_SomeQueuedBefore_ReportsThemAlreadyQueuedAndQueuesTheRest()
    {
        var before = await _sms.EnqueueAsync(s => s.EnqueueCampaignAsync(SmsTestHost.PhoneOf(1), "宣传月。", "cmp-1", CancellationToken.None));

        var results = await EnqueueCampaignsAsync([new("cmp-1", SmsTestHost.PhoneOf(1), "宣传月。"), new("cmp-2", SmsTestHost.PhoneOf(2), "宣传月。")]);

        Assert.Equal(((SmsEnqueueResult.Queued)before).MessageId, Assert.IsType<SmsEnqueueResult.AlreadyQueued>(results[0]).MessageId);
        Assert.IsType<SmsEnqueueResult.Queued>(results[1]);
        Assert.Equal(2, (await _sms.ReadAsync<SmsOutboundMessage>()).Count);
    }

    [Fact]
    public async Task EnqueueCampaigns_SameOutIdTwiceInOneCall_QueuesItOnce()
    {
        var results = await EnqueueCampaignsAsync([new("cmp-1", SmsTestHost.PhoneOf(1), "宣传月。"), new("cmp-1", SmsTestHost.PhoneOf(1), "宣传月。")]);

        var message = Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal((message.Id, message.Id), (Assert.IsType<SmsEnqueueResult.Queued>(results[0]).MessageId, Assert.IsType<SmsEnqueueResult.AlreadyQueued>(results[1]).MessageId));
    }

    [Fact]
    public async Task EnqueueCampaigns_OptedOutNumber_IsRecordedSkippedAndNotQueued()
    {
        await _sms.AddAsync(new SmsOptOut { PhoneNumber = SmsTestHost.PhoneOf(2), Keyword = "R", OptedOutAt = _sms.Now });

        var results = await EnqueueCampaignsAsync([new("cmp-1", SmsTestHost.PhoneOf(1), "宣传月。"), new("cmp-2", SmsTestHost.PhoneOf(2), "宣传月。")]);

        var skipped = Assert.IsType<SmsEnqueueResult.Skipped>(results[1]);
        Assert.IsType<SmsEnqueueResult.Queued>(results[0]);
        Assert.Equal((SmsOutboundStatus.Skipped, "OptedOut"), (await _sms.ReadAsync<SmsOutboundMessage>()).Where(m => m.Id == skipped.MessageId).Select(m => (m.Status, m.ErrorCode)).Single());
    }

    [Fact]
    public async Task EnqueueCampaigns_NotAMobileNumber_IsRefusedAndTheOthersQueued()
    {
        var results = await EnqueueCampaignsAsync([new("cmp-1", "12345", "宣传月。"), new("cmp-2", SmsTestHost.PhoneOf(2), "宣传月。")]);

        Assert.Equal([typeof(SmsEnqueueResult.InvalidPhoneNumber), typeof(SmsEnqueueResult.Queued)], results.Select(r => r.GetType()));
        Assert.Equal("cmp-2", Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>()).OutId);
    }

    private Task<IReadOnlyList<SmsEnqueueResult>> EnqueueCampaignsAsync(IReadOnlyList<SmsCampaignText> texts) =>
        _sms.InScopeAsync(s => s.GetRequiredService<SmsQueue>().EnqueueCampaignsAsync(texts, CancellationToken.None));
}
