using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households.Binding;

public sealed class BindingDialogTests
{
    private static readonly DemoPerson Head = Demo.HeadWithPhone(household => household.DoctorContracts.Count > 0);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Bind_RightCode_BindsTheMemberAndAudits(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        var user = host.User("wx-user-1");

        Assert.Contains("请输入您的姓名", await user.SayAsync("绑定"));
        Assert.Contains("身份证号", await user.SayAsync(Head.Name));
        var sent = await user.SayAsync(Head.IdNumber);
        Assert.Contains($"验证码已发到 {PhoneNumber.Parse(Head.Phone!).Masked}", sent);
        Assert.DoesNotContain(Head.Phone!, sent);
        var code = await host.LatestCodeSentToAsync(Head.Phone!);
        Assert.Contains("绑定成功", await user.SayAsync(code!));

        var (memberId, householdId) = await host.IdsOfAsync(Head);
        var binding = Assert.Single(await host.BindingsAsync());
        Assert.Equal(memberId, binding.MemberId);
        Assert.Equal(64, binding.UserKeyHash.Length);
        Assert.Contains(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.Bind && entry.HouseholdId == householdId && entry.MemberId == memberId);
    }

    [Fact]
    public async Task Bind_WrongCheckDigit_ExplainsAndAsksAgain()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-2");
        await user.SayAsync("绑定身份");
        await user.SayAsync(Head.Name);
        var wrongDigit = Head.IdNumber[..17] + (Head.IdNumber[17] == '1' ? '2' : '1');

        var reply = await user.SayAsync(wrongDigit);

        Assert.Equal(IdNumber.Describe(IdNumberProblem.WrongCheckDigit) + "\n请重新输入18位身份证号：", reply);
        Assert.Contains("验证码已发到", await user.SayAsync(Head.IdNumber));
    }

    [Fact]
    public async Task Bind_IdNumberInASentence_IsTakenFromIt()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-sentence");
        await user.SayAsync("绑定");
        await user.SayAsync($" {Head.Name} ");

        Assert.Contains("验证码已发到", await user.SayAsync($"我的身份证号是：{Head.IdNumber.ToLowerInvariant()}"));
    }

    [Fact]
    public async Task Bind_NameOfSomeoneElse_IsNotFoundAndSendsNoCode()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-3");
        await user.SayAsync("认证");
        await user.SayAsync("张三丰");

        var reply = await user.SayAsync(Head.IdNumber);

        Assert.Equal(BindingDialog.NotFoundText, reply);
        Assert.Equal(0, await host.CodesSentCountAsync());
    }

    [Fact]
    public async Task Bind_FiveLookupsThatFindNobody_LockTheUserEvenForTheRightPerson()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-prober");
        for (var tries = 0; tries < BindingLockouts.MaxWrongCodes; tries++)
        {
            await user.SayAsync("绑定");
            await user.SayAsync("张三丰");
            await user.SayAsync(Head.IdNumber);
        }

        await user.SayAsync("绑定");
        await user.SayAsync(Head.Name);
        var reply = await user.SayAsync(Head.IdNumber);

        Assert.Equal(BindingDialog.LockedText, reply);
        Assert.Equal(0, await host.CodesSentCountAsync());
    }

    [Fact]
    public async Task Bind_FourLookupsThatFindNobody_StillLetTheRightPersonThrough()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-typos");
        for (var tries = 1; tries < BindingLockouts.MaxWrongCodes; tries++)
        {
            await user.SayAsync("绑定");
            await user.SayAsync("张三丰");
            await user.SayAsync(Head.IdNumber);
        }

        await user.SayAsync("绑定");
        await user.SayAsync(Head.Name);

        Assert.Contains("验证码已发到", await user.SayAsync(Head.IdNumber));
    }

    [Fact]
    public async Task Bind_MemberWithoutPhone_IsToldWhereToRegisterOne()
    {
        var noPhone = Demo.People.First(person => person.Phone is null);
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-4");
        await user.SayAsync("绑定");
        await user.SayAsync(noPhone.Name);

        var reply = await user.SayAsync(noPhone.IdNumber);

        Assert.Equal(BindingDialog.NoPhoneText, reply);
    }

    [Fact]
    public async Task Bind_CodeAfterFiveMinutes_IsExpired()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-5");
        await user.SayAsync("绑定");
        await user.SayAsync(Head.Name);
        await user.SayAsync(Head.IdNumber);
        var code = await host.LatestCodeSentToAsync(Head.Phone!);

        host.Clock.Advance(SendBindingCodeCommand.CodeLifetime + TimeSpan.FromSeconds(1));
        var reply = await user.SayAsync(code!);

        Assert.Contains("验证码已过期", reply);
        Assert.Empty(await host.BindingsAsync());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Bind_FiveWrongCodes_LocksForAnHourAcrossARestart(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using (var host = await AssistantHost.StartAsync(database))
        {
            var user = host.User("wx-attacker");
            await user.SayAsync("绑定");
            await user.SayAsync(Head.Name);
            await user.SayAsync(Head.IdNumber);
            var code = await host.LatestCodeSentToAsync(Head.Phone!);
            var wrong = code == "000000" ? "111111" : "000000";
            for (var left = BindingLockouts.MaxWrongCodes - 1; left > 0; left--)
            {
                Assert.Contains($"还可以再输{left}次", await user.SayAsync(wrong));
            }

            Assert.Equal(BindingDialog.LockedText, await user.SayAsync(wrong));
            Assert.Equal(BindingLockouts.MaxWrongCodes, (await host.AuditAsync()).Count(entry => entry.Action == HouseholdAuditAction.BindingCodeRejected));

            await using var restarted = await host.RestartAsync();
            var again = restarted.User("wx-attacker");
            await again.SayAsync("绑定");
            await again.SayAsync(Head.Name);
            Assert.Equal(BindingDialog.LockedText, await again.SayAsync(Head.IdNumber));

            restarted.Clock.Advance(BindingLockouts.LockDuration + TimeSpan.FromMinutes(1));
            await again.SayAsync("绑定");
            await again.SayAsync(Head.Name);
            Assert.Contains("验证码已发到", await again.SayAsync(Head.IdNumber));
        }
    }

    [Fact]
    public async Task Unbind_BoundUser_RemovesTheBindingAndAudits()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("wx-user-6", Head);

        var reply = await user.SayAsync("解绑");

        Assert.StartsWith("已解除绑定", reply);
        Assert.Empty(await host.BindingsAsync());
        Assert.Contains(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.Unbind);
        Assert.Contains("需要先绑定身份", await user.SayAsync("我的家庭医生"));
    }

    [Fact]
    public async Task Bind_AlreadyBound_SaysToUnbindFirst()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = await host.BindAsync("wx-user-7", Head);

        Assert.Contains("请先发“解绑”", await user.SayAsync("绑定"));
    }

    [Fact]
    public async Task Bind_Cancelled_StopsAndKeepsNothing()
    {
        await using var host = await AssistantHost.StartAsync();
        var user = host.User("wx-user-8");
        await user.SayAsync("绑定");
        await user.SayAsync(Head.Name);

        Assert.StartsWith("好的，已取消", await user.SayAsync("取消"));
        Assert.DoesNotContain("验证码", await user.SayAsync(Head.IdNumber));
    }

    [Fact]
    public async Task Bind_OverSmsFromTheNumberOnFile_SendsTheCodeToThatNumber()
    {
        await using var host = await AssistantHost.StartAsync();
        var texter = host.User(Head.Phone!, channelId: "sms");
        await texter.SayAsync("绑定");
        await texter.SayAsync(Head.Name);

        Assert.Contains("验证码已发到", await texter.SayAsync(Head.IdNumber));
        Assert.Contains("绑定成功", await texter.SayAsync((await host.LatestCodeSentToAsync(Head.Phone!))!));
    }

    [Fact]
    public async Task Bind_OverSmsSomeoneNotOnFile_GetsTheAnswerAStrangersNumberGets()
    {
        await using var host = await AssistantHost.StartAsync();
        var texter = host.User("13912345678", channelId: "sms");
        await texter.SayAsync("绑定");
        await texter.SayAsync("张三丰");

        Assert.Equal(BindingDialog.SmsNotFoundText, await texter.SayAsync(Head.IdNumber));
    }

    [Fact]
    public async Task Bind_OverSmsFromAnotherNumber_IsRefused()
    {
        await using var host = await AssistantHost.StartAsync();
        var texter = host.User("13912345678", channelId: "sms");
        await texter.SayAsync("绑定");
        await texter.SayAsync(Head.Name);

        Assert.Equal(BindingDialog.SmsNotFoundText, await texter.SayAsync(Head.IdNumber));
        Assert.Equal(0, await host.CodesSentCountAsync());
    }
}
