using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Dispatch_CampaignTextsThatReadTheSame_AreStoredAsOneBatchCallEachNumberOnce()
    {
        await _sms.EnqueueCampaignAsync(households: 30);

        await _sms.DispatchUntilIdleAsync();

        var outbox = await _sms.ReadAsync<OutboxGatewayEntry>();
        Assert.Equal((30, 1, 30), (outbox.Count, outbox.Select(m => m.OutId).Distinct().Count(), outbox.Select(m => m.PhoneNumber).Distinct().Count()));
    }

    [Fact]
    public async Task SendBatch_SameCallAgain_StoresNothingNewAndAnswersWithTheFirstCallsIds()
    {
        var batch = new SmsBatch("batch-1", [Phone, "13900139000"], SmsKind.Campaign, "健康扶贫", null, new Dictionary<string, string>(), "本月是政策宣传月。");
        var first = await GatewayAsync(gateway => gateway.SendBatchAsync(batch, CancellationToken.None));

        var again = await GatewayAsync(gateway => gateway.SendBatchAsync(batch, CancellationToken.None));

        Assert.Equal(2, (await _sms.ReadAsync<OutboxGatewayEntry>()).Count);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task QueryStatus_NumberOfABatchCall_IsFoundByTheCallsOutIdAndItsNumber()
    {
        var batch = new SmsBatch("batch-2", [Phone, "13900139000"], SmsKind.Campaign, "健康扶贫", null, new Dictionary<string, string>(), "本月是政策宣传月。");
        await GatewayAsync(gateway => gateway.SendBatchAsync(batch, CancellationToken.None));

        var status = await GatewayAsync(gateway => gateway.QueryStatusAsync(new SmsStatusQuery("batch-2", "13900139000", null, SmsTestHost.Start.UtcDateTime), CancellationToken.None));

        var row = Assert.Single(await _sms.ReadAsync<OutboxGatewayEntry>(q => q.Where(m => m.PhoneNumber == "13900139000")));
        Assert.Equal("outbox-" + row.Id, Assert.IsType<SmsDeliveryStatus.Delivered>(status).ProviderMessageId);
    }

    // The provider as the dispatcher sees it: the configured gateway, which takes batches.
    private Task<T> GatewayAsync<T>(Func<ISmsBatchGateway, Task<T>> call) =>
        _sms.InScopeAsync(s => call(Assert.IsAssignableFrom<ISmsBatchGateway>(s.GetRequiredService<ISmsGateway>())));
}
