using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households.Binding;

/// <summary>Administrators see failed binding attempts: newest first, region-scoped, ID numbers masked, every read audited.</summary>
public sealed class GetBindingFailuresQueryTests
{
    private static readonly DemoPerson Head = Demo.HeadWithPhone(household => household.DoctorContracts.Count > 0);
    private static readonly StaffScope EveryRegion = new(1, []);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task List_AfterAProbe_ShowsTheFailuresNewestFirstWithTheMemberMasked(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        await LookUpAsync(host.User("wx-prober"), "张三丰", Head.IdNumber);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await LookUpAsync(host.User("wx-prober"), Head.Name, Head.IdNumber);
        await host.User("wx-prober").SayAsync("000000");

        var page = await ListAsync(host, EveryRegion);

        Assert.Equal([BindingAttemptKind.WrongCode, BindingAttemptKind.LookupNotFound], page.Rows.Select(row => row.Kind));
        var (_, householdId) = await host.IdsOfAsync(Head);
        Assert.All(page.Rows, row => Assert.Equal((householdId, Head.Name, IdNumber.Mask(Head.IdNumber)), (row.HouseholdId, row.MemberName, row.IdNumberMasked)));
    }

    [Fact]
    public async Task List_ForStaffOfTheHouseholdsCounty_LeavesOutIdNumbersNobodyHas()
    {
        await using var host = await AssistantHost.StartAsync();
        await LookUpAsync(host.User("wx-prober"), "张三丰", Head.IdNumber);
        await LookUpAsync(host.User("wx-prober"), "张三丰", Demo.IdNumberNobodyHas(Head));

        var countyStaff = await ListAsync(host, new StaffScope(2, [Demo.CountyOf(Head.Household)]));
        var everyRegion = await ListAsync(host, EveryRegion);

        Assert.Equal((1, 2), (countyStaff.Rows.Count, everyRegion.Rows.Count));
    }

    [Fact]
    public async Task List_ForStaffOfAnotherCounty_ShowsNothing()
    {
        await using var host = await AssistantHost.StartAsync();
        await LookUpAsync(host.User("wx-prober"), "张三丰", Head.IdNumber);
        var otherCounty = Demo.Data.Households.Select(Demo.CountyOf).First(county => county != Demo.CountyOf(Head.Household));

        var page = await ListAsync(host, new StaffScope(2, [otherCounty]));

        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task List_UserFailingThreeTimesToday_IsListedAsRepeated()
    {
        await using var host = await AssistantHost.StartAsync();
        for (var tries = 0; tries < GetBindingFailuresQuery.RepeatedAtLeast; tries++)
        {
            await LookUpAsync(host.User("wx-prober"), "张三丰", Head.IdNumber);
        }

        await LookUpAsync(host.User("wx-typo"), "张三丰", Head.IdNumber);

        var repeated = Assert.Single((await ListAsync(host, EveryRegion)).Repeated);
        Assert.Equal((GetBindingFailuresQuery.RepeatedAtLeast, 8), (repeated.Failures, repeated.User.Length));
    }

    [Fact]
    public async Task List_IsWrittenToTheAuditTrail()
    {
        await using var host = await AssistantHost.StartAsync();

        await ListAsync(host, new StaffScope(7, []));

        Assert.Contains(await host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.ListBindingFailures && entry.Actor == "staff:7");
    }

    private static async Task<BindingFailuresPage> ListAsync(AssistantHost host, StaffScope staff)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetBindingFailuresQuery>().ListAsync(staff, 1, CancellationToken.None);
    }

    private static Task LookUpAsync(ChatUser user, string name, string idNumber) => user.SayAllAsync("绑定", name, idNumber);
}
