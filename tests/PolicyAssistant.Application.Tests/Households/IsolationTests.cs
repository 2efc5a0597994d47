using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

/// <summary>A bound user sees their own household and nothing of any other, however they ask.</summary>
public sealed class IsolationTests
{
    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EveryQueryShape_UserBoundToHouseholdOne_ShowsNothingOfHouseholdTwo(DatabaseProvider provider)
    {
        var mine = Demo.HeadWithPhone(household => Demo.HasCertifications(household) && Demo.HasStays(household) && household.DoctorContracts.Count > 0);
        var theirs = Demo.People.First(person => person.Household != mine.Household && person.Phone is not null
            && Demo.People.Count(other => other.Name == person.Name) == 1
            && Demo.HasCertifications(person.Household) && Demo.HasStays(person.Household) && person.Household.DoctorContracts.Count > 0
            && Demo.CountyOf(person.Household) == Demo.CountyOf(mine.Household));
        await using var host = await AssistantHost.StartAsync(provider);
        var user = await host.BindAsync("isolation-user", mine);
        var (_, myHousehold) = await host.IdsOfAsync(mine);

        string[] questions =
        [
            "我的家庭医生是谁", "我的慢病", "上次住院报了多少", "我妈的慢病办下来没有", "孩子的慢病", "老伴上次住院报了多少",
            $"{theirs.Name}的慢病办下来没有", $"{theirs.Name}上次住院报了多少", $"{theirs.Name}的家庭医生是谁",
            $"{theirs.IdNumber}的慢病办好了吗", $"查一下身份证{theirs.IdNumber}的住院报销明细", $"{theirs.IdNumber}家庭医生电话",
            $"{theirs.Phone}的家庭医生", theirs.IdNumber, theirs.Name, "绑定", theirs.Name, theirs.IdNumber,
        ];
        var replies = new List<string>();
        foreach (var question in questions)
        {
            replies.Add(await user.SayAsync(question));

            // A choice or a prompt left open is answered with the household's last option, then closed.
            replies.Add(await user.SayAsync("全家"));
            replies.Add(await user.SayAsync("取消"));
        }

        var everything = string.Join("\n", replies);
        var markers = Demo.Markers(theirs.Household);
        Assert.Contains(theirs.Name, markers);
        foreach (var marker in markers)
        {
            Assert.DoesNotContain(marker, everything);
        }

        var audit = await host.AuditAsync();
        Assert.Contains(audit, entry => entry.HouseholdId == myHousehold);
        Assert.All(audit, entry => Assert.Equal(myHousehold, entry.HouseholdId));
    }
}
