using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;

namespace PolicyAssistant.Application.Tests.Sms;

public sealed class SmsOptionsTests
{
    [Fact]
    public async Task Options_AliyunWithoutKeys_FailNamingWhatIsMissing()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Sms:Provider"] = "Aliyun" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => sms.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IOptions<SmsOptions>>().Value)));

        Assert.Equal("SMS provider Aliyun needs: Sms:AccessKeyId, Sms:AccessKeySecret.", error.Message);
    }

    [Fact]
    public async Task Options_NoConfiguration_UseTheOutbox()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite);

        var gateway = await sms.InScopeAsync(s => Task.FromResult(s.GetRequiredService<ISmsGateway>()));

        Assert.IsType<OutboxSmsGateway>(gateway);
    }

    [Fact]
    public async Task Options_Section_IsBound()
    {
        await using var sms = SmsTestHost.Create(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Sms:SignName"] = "焦作市卫健委",
            ["Sms:Limits:InboundAnswersPerWindow"] = "4",
            ["Sms:Inbound:AllowedSources:0"] = "100.104.0.0/16",
        });

        var options = await sms.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IOptions<SmsOptions>>().Value));

        Assert.Equal(("焦作市卫健委", 4, "100.104.0.0/16"), (options.SignName, options.Limits.InboundAnswersPerWindow, Assert.Single(options.Inbound.AllowedSources)));
    }
}
