using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Tests.Sms.Gateways;

/// <summary>Sending through the embedded outbox (the default provider).</summary>
public sealed class OutboxSmsGatewayTests : IAsyncLifetime
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
    public async Task Dispatch_OutboxProvider_StoresTheTextAndMarksItDelivered()
    {
        await _sms.EnqueueAsync(s => s.EnqueueReplyAsync(Phone, "住院不用交押金。", "reply-1", null, CancellationToken.None));

        await _sms.DispatchAsync();

        var outbox = Assert.Single(await _sms.ReadAsync<OutboxGatewayEntry>());
        var message = Assert.Single(await _sms.ReadAsync<SmsOutboundMessage>());
        Assert.Equal((Phone, "住院不用交押金。", SmsOutboundStatus.Delivered, "outbox-" + outbox.Id),
            (outbox.PhoneNumber, outbox.Text, message.Status, message.ProviderMessageId));
    }
}
