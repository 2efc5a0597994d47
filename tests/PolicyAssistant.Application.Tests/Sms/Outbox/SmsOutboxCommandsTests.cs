using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

/// <summary>The back office's view of the outbox: masked rows, retry of a failed text, a code revealed with an audit row.</summary>
public sealed class SmsOutboxCommandsTests : IAsyncLifetime
{
    private AssistantHost _host = null!;

    public async Task InitializeAsync() => _host = await AssistantHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<long> AddAsync(SmsKind kind, string text, SmsOutboundStatus status, string? errorCode = null, string? errorMessage = null)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        var message = new SmsOutboundMessage
        {
            OutId = Guid.NewGuid().ToString("N"),
            PhoneNumber = "13812345678",
            Kind = kind,
            Text = text,
            SignName = "健康扶贫",
            Status = status,
            Attempts = 3,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            CreatedAt = _host.Clock.GetUtcNow().UtcDateTime,
            NextAttemptAt = _host.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<T> WithAsync<T>(Func<SmsOutboxCommands, Task<T>> act)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<SmsOutboxCommands>());
    }

    [Fact]
    public async Task ListAsync_NewestFirst_WithPhonesMaskedAndCodesHidden()
    {
        await AddAsync(SmsKind.Reply, "第一条", SmsOutboundStatus.Delivered);
        await AddAsync(SmsKind.VerificationCode, "您的验证码是246810，请勿告诉他人。", SmsOutboundStatus.Delivered);

        var page = await WithAsync(outbox => outbox.ListAsync(1, CancellationToken.None));

        Assert.Equal(("您的验证码是******，请勿告诉他人。", "第一条"), (page.Rows[0].Text, page.Rows[1].Text));
        Assert.All(page.Rows, row => Assert.Equal("138****5678", row.Phone));
    }

    [Fact]
    public async Task RetryAsync_FailedText_IsQueuedAgainAndThenSent()
    {
        var id = await AddAsync(SmsKind.Reply, "重发我", SmsOutboundStatus.Failed, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控");

        Assert.True(await WithAsync(outbox => outbox.RetryAsync(id, CancellationToken.None)));

        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SmsDispatcher>().DispatchDueAsync(CancellationToken.None);
        var message = await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<SmsOutboundMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((SmsOutboundStatus.Delivered, (string?)null), (message.Status, message.ErrorCode));
    }

    [Fact]
    public async Task RetryAsync_DeliveredText_IsRefused()
    {
        var id = await AddAsync(SmsKind.Reply, "已送达", SmsOutboundStatus.Delivered);

        Assert.False(await WithAsync(outbox => outbox.RetryAsync(id, CancellationToken.None)));
    }

    [Fact]
    public async Task RevealCodeAsync_InTheEmbeddedOutbox_GivesTheCodeAndAudits()
    {
        var id = await AddAsync(SmsKind.VerificationCode, "您的验证码是246810，请勿告诉他人。", SmsOutboundStatus.Delivered);

        await using var scope = _host.Services.CreateAsyncScope();
        var text = await scope.ServiceProvider.GetRequiredService<RevealBindingCodeCommand>().RevealAsync(id, staffUserId: 7, CancellationToken.None);

        Assert.Contains("246810", text);
        Assert.Contains(await _host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.RevealBindingCode && entry.Actor == "staff:7");
    }
}
