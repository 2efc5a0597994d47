using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households.Binding;

/// <summary>
/// Binding cannot be used to probe the register or to lock a household out: lookups are limited per user and per
/// ID number (here set low: two, then three, in long windows), and wrong codes lock only the user who typed them.
/// </summary>
public sealed class BindingLimitsTests
{
    private static readonly DemoPerson Head = Demo.HeadWithPhone(household => household.DoctorContracts.Count > 0);

    private static readonly Dictionary<string, string?> LowLimits = new()
    {
        ["RateLimits:BindingLookupsPerUser:PermitLimit"] = "2",
        ["RateLimits:BindingLookupsPerUser:Window"] = "00:10:00",
        ["RateLimits:BindingLookupsPerIdNumber:PermitLimit"] = "3",
        ["RateLimits:BindingLookupsPerIdNumber:Window"] = "01:00:00",
    };

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Lookup_OverTheUserLimit_IsRefusedWithTheWaitInMinutes(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider, settings: LowLimits);
        var prober = host.User("wx-prober");
        await LookUpAsync(prober, "张三丰", Head.IdNumber);
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await LookUpAsync(prober, "李四", Head.IdNumber);

        var reply = await LookUpAsync(prober, Head.Name, Head.IdNumber);

        Assert.Equal(BindingDialog.ThrottledText(TimeSpan.FromMinutes(7)), reply);
        Assert.Equal(0, await host.CodesSentCountAsync());
    }

    [Fact]
    public async Task Lookup_OnceTheOldestLeavesTheWindow_GoesAheadAgain()
    {
        await using var host = await AssistantHost.StartAsync(settings: LowLimits);
        var user = host.User("wx-slow-typist");
        await LookUpAsync(user, "张三丰", Head.IdNumber);
        await LookUpAsync(user, "李四", Head.IdNumber);

        host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Contains("验证码已发到", await LookUpAsync(user, Head.Name, Head.IdNumber));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Lookup_OneIdNumberFromManyUsers_IsRefusedPastTheIdNumberLimitEvenWithTheRightName(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider, settings: LowLimits);
        foreach (var account in new[] { "wx-sock-1", "wx-sock-2", "wx-sock-3" })
        {
            await LookUpAsync(host.User(account), "张三丰", Head.IdNumber);
        }

        var reply = await LookUpAsync(host.User("wx-sock-4"), Head.Name, Head.IdNumber);

        Assert.Equal(BindingDialog.ThrottledText(TimeSpan.FromHours(1)), reply);
        Assert.Equal(0, await host.CodesSentCountAsync());
    }

    [Fact]
    public async Task Lookup_AnIdNumberNobodyHas_IsRefusedPastTheLimitJustAsOneOnFile()
    {
        var nobodys = Demo.IdNumberNobodyHas(Head);
        await using var host = await AssistantHost.StartAsync(settings: LowLimits);
        foreach (var account in new[] { "wx-sock-1", "wx-sock-2", "wx-sock-3" })
        {
            Assert.Equal(BindingDialog.NotFoundText, await LookUpAsync(host.User(account), "张三丰", nobodys));
        }

        Assert.Equal(BindingDialog.ThrottledText(TimeSpan.FromHours(1)), await LookUpAsync(host.User("wx-sock-4"), "张三丰", nobodys));
    }

    [Fact]
    public async Task Lookup_ThrottledOnOneIdNumber_StillLooksUpAnother()
    {
        await using var host = await AssistantHost.StartAsync(settings: LowLimits);
        foreach (var account in new[] { "wx-sock-1", "wx-sock-2", "wx-sock-3" })
        {
            await LookUpAsync(host.User(account), "张三丰", Demo.IdNumberNobodyHas(Head));
        }

        Assert.Contains("验证码已发到", await LookUpAsync(host.User("wx-sock-4"), Head.Name, Head.IdNumber));
    }

    [Fact]
    public async Task Lookup_IdNumberUsedUpByStrangers_StillGoesAheadFromTheHouseholdsRegisteredPhone()
    {
        await using var host = await AssistantHost.StartAsync(settings: LowLimits);
        foreach (var account in new[] { "wx-sock-1", "wx-sock-2", "wx-sock-3" })
        {
            await LookUpAsync(host.User(account), "张三丰", Head.IdNumber);
        }

        var reply = await LookUpAsync(host.User(Head.Phone!, channelId: "sms"), Head.Name, Head.IdNumber);

        Assert.Contains("验证码已发到", reply);
    }

    [Fact]
    public async Task Lookup_IdNumberUsedUp_IsRefusedToAStrangersPhone()
    {
        await using var host = await AssistantHost.StartAsync(settings: LowLimits);
        foreach (var account in new[] { "wx-sock-1", "wx-sock-2", "wx-sock-3" })
        {
            await LookUpAsync(host.User(account), "张三丰", Head.IdNumber);
        }

        var reply = await LookUpAsync(host.User("13912345678", channelId: "sms"), Head.Name, Head.IdNumber);

        Assert.Equal(BindingDialog.ThrottledText(TimeSpan.FromHours(1)), reply);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Bind_AfterAStrangerIsLockedOut_TheHouseholdBindsFromItsRegisteredPhone(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        await LockOutAsync(host, host.User("wx-stranger"));

        var household = host.User(Head.Phone!, channelId: "sms");
        Assert.Contains("验证码已发到", await LookUpAsync(household, Head.Name, Head.IdNumber));
        var reply = await household.SayAsync((await host.LatestCodeSentToAsync(Head.Phone!))!);

        Assert.Contains("绑定成功", reply);
    }

    [Fact]
    public async Task Bind_AfterAStrangerIsLockedOut_TheHouseholdsOwnWeChatBinds()
    {
        await using var host = await AssistantHost.StartAsync();
        await LockOutAsync(host, host.User("wx-stranger"));

        await host.BindAsync("wx-household", Head);

        Assert.Single(await host.BindingsAsync());
    }

    [Fact]
    public async Task Bind_StrangerLockedOut_StaysLockedForAnotherLookup()
    {
        await using var host = await AssistantHost.StartAsync();
        var stranger = host.User("wx-stranger");
        await LockOutAsync(host, stranger);

        Assert.Equal(BindingDialog.LockedText, await LookUpAsync(stranger, Head.Name, Head.IdNumber));
    }

    [Fact]
    public async Task Lookup_Throttled_IsRecordedWithTheHouseholdTried()
    {
        await using var host = await AssistantHost.StartAsync(settings: LowLimits);
        var prober = host.User("wx-prober");
        for (var tries = 0; tries < 3; tries++)
        {
            await LookUpAsync(prober, "张三丰", Head.IdNumber);
        }

        var (memberId, householdId) = await host.IdsOfAsync(Head);
        var attempts = await host.BindingAttemptsAsync();
        Assert.Equal(
            [BindingAttemptKind.LookupNotFound, BindingAttemptKind.LookupNotFound, BindingAttemptKind.LookupThrottled],
            attempts.Select(a => a.Kind));
        Assert.All(attempts, a => Assert.Equal((memberId, householdId), (a.MemberId, a.HouseholdId)));
    }

    [Fact]
    public async Task WrongCodes_UntilLockedOut_AreRecordedOneByOneThenTheLock()
    {
        await using var host = await AssistantHost.StartAsync();
        await LockOutAsync(host, host.User("wx-stranger"));

        var kinds = (await host.BindingAttemptsAsync()).Select(a => a.Kind).ToList();

        Assert.Equal(
            [BindingAttemptKind.LookupFound, .. Enumerable.Repeat(BindingAttemptKind.WrongCode, BindingLockouts.MaxWrongCodes), BindingAttemptKind.LockedOut],
            kinds);
    }

    private static Task<string> LookUpAsync(ChatUser user, string name, string idNumber) => user.SayAllAsync("绑定", name, idNumber);

    /// <summary>The user asks for a code for <see cref="Head"/> and types wrong codes until locked out.</summary>
    private static async Task LockOutAsync(AssistantHost host, ChatUser user)
    {
        Assert.Contains("验证码已发到", await LookUpAsync(user, Head.Name, Head.IdNumber));
        var code = await host.LatestCodeSentToAsync(Head.Phone!);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var tries = 1; tries < BindingLockouts.MaxWrongCodes; tries++)
        {
            await user.SayAsync(wrong);
        }

        Assert.Equal(BindingDialog.LockedText, await user.SayAsync(wrong));
    }
}
