using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.Tests.Support;

namespace PolicyAssistant.Application.Tests.Sms.Inbound;

/// <summary>
/// An answer of two entries texted to a household fits one reply: both entries under their numbers and the
/// "回复 1 或 2 查看全文" line, with nothing left over for "1", so "1" and "2" bring the entries' full texts.
/// The thresholds are set so every policy question is answered with two entries; the real bot answers.
/// </summary>
public sealed class SmsEitherOfTwoAnswerTests : IAsyncLifetime
{
    private const string Question = "兜底补助咋算的";
    private const string Phone = "13700137000";

    private AssistantHost _host = null!;
    private int _sequence;

    public async Task InitializeAsync() => _host = await AssistantHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Answers:ConfidentThreshold"] = "1.01",
        ["Answers:EitherOfTwoThreshold"] = "0",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Text_SureOfOneOfTwo_TheReplyNumbersBothEntriesAndEndsWithHowToSeeThem()
    {
        var lines = (await TextAsync(Question)).Split('\n');

        Assert.Equal(["1.【", "2.【", "回复 1 或 2 查看全文"], [.. lines[1..^1].Select(line => line[..3]), lines[^1]]);
    }

    [Fact]
    public async Task Text_SureOfOneOfTwo_FitsTheReplySegmentsWithNothingLeftForOne()
    {
        var options = _host.Services.GetRequiredService<IOptions<SmsOptions>>().Value;

        var reply = await TextAsync(Question);

        var sent = (Segments: SmsSegmenter.CountSegments(reply, options.SignName), Continuations: (await ContinuationsAsync()).Count);
        Assert.True(sent.Segments <= options.Limits.MaxReplySegments && sent.Continuations == 0, $"Sent {sent}.");
    }

    [Fact]
    public async Task Text_OneAfterAnAnswerOfTwo_SendsTheFirstEntrysFullText()
    {
        var first = _host.Services.GetRequiredService<FaqResponder>().Preview(Question, regionCode: null).Answer.Entry!;
        await TextAsync(Question);

        var reply = await TextAsync("1");

        Assert.StartsWith(first.Title, reply);
    }

    [Fact]
    public async Task Text_TwoAfterAnAnswerOfTwo_SendsTheSecondEntrysFullText()
    {
        var second = _host.Services.GetRequiredService<FaqResponder>().Preview(Question, regionCode: null).Answer.Second!.Entry;
        await TextAsync(Question);

        var reply = await TextAsync("2");

        Assert.StartsWith(second.Title, reply);
    }

    /// <summary>Texts the bot from <see cref="Phone"/> as the provider would deliver it; the reply as sent.</summary>
    private async Task<string> TextAsync(string content)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        await services.GetRequiredService<SmsInboundStore>().StoreAsync([new SmsInboundText($"either-{++_sequence}", Phone, content, now, "鹿寨县卫健局", "01")], CancellationToken.None);
        await services.GetRequiredService<SmsInboundProcessor>().ProcessPendingAsync(CancellationToken.None);
        await services.GetRequiredService<SmsDispatcher>().DispatchDueAsync(CancellationToken.None);
        var db = services.GetRequiredService<PolicyAssistantDbContext>();
        return await db.Set<OutboxGatewayEntry>().AsNoTracking().Where(m => m.PhoneNumber == Phone).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
    }

    private async Task<List<SmsContinuation>> ContinuationsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<SmsContinuation>().AsNoTracking().ToListAsync();
    }
}
