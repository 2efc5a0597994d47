using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Chat;

namespace PolicyAssistant.Web.Tests.Households;

/// <summary>The household services through the product's own wiring: /api/chat, the SMS outbox worker, a restart.</summary>
public sealed partial class HouseholdChatTests
{
    [Fact]
    public async Task Binding_ThroughTheWebChat_CodeArrivesInTheOutboxAndBinds()
    {
        var demo = DemoDataSet.Read(Path.Combine(RepositoryPaths.Content, "demo", "demo-data.json"));
        var head = demo.Households.SelectMany(household => household.Members)
            .First(member => member.RelationToHead == RelationToHead.Self && member.Phone is not null);
        using var factory = new ProductFactory();

        await ChatClient.AskAsync(factory, "web-binder", "绑定");
        await ChatClient.AskAsync(factory, "web-binder", head.Name);
        var sent = await ChatClient.AskAsync(factory, "web-binder", head.IdNumber);
        Assert.Contains("验证码已发到", sent.Reply);
        var code = await WaitForCodeAsync(factory, head.Phone!);
        var bound = await ChatClient.AskAsync(factory, "web-binder", code);

        Assert.StartsWith("绑定成功", bound.Reply);
    }

    [Fact]
    public async Task EstimateDialog_AcrossARestartOfTheProduct_ContinuesWhereItWas()
    {
        using var database = TestDatabase.CreateSqlite();
        using (var before = new ProductFactory(database))
        {
            var first = await ChatClient.AskAsync(before, "estimate-restart", "住院花了一万二能报多少");
            Assert.StartsWith("帮您估算一下住院报销（总费用12000元）。\n在哪一级医院住院？", first.Reply);
        }

        using var after = new ProductFactory(database);
        Assert.StartsWith("这家医院在本县（县域内）吗？", (await ChatClient.AskAsync(after, "estimate-restart", "县医院")).Reply);
        Assert.StartsWith("您家是建档立卡贫困户吗？", (await ChatClient.AskAsync(after, "estimate-restart", "是")).Reply);
        Assert.StartsWith("您家在哪个县？", (await ChatClient.AskAsync(after, "estimate-restart", "是")).Reply);
        var answer = await ChatClient.AskAsync(after, "estimate-restart", "鹿寨县");

        Assert.StartsWith("估算结果（鹿寨县2018年政策）", answer.Reply);
        Assert.Contains("总费用 12000元", answer.Reply);
    }

    /// <summary>The dispatch worker sends in the background; the test waits for the row, it does not time it.</summary>
    internal static async Task<string> WaitForCodeAsync(ProductFactory factory, string phone)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
                var text = await db.Set<OutboxGatewayEntry>().Where(m => m.PhoneNumber == phone && m.Kind == SmsKind.VerificationCode).Select(m => m.Text).FirstOrDefaultAsync();
                if (text is not null)
                {
                    return SixDigits().Match(text).Value;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No verification code reached the SMS outbox.");
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
