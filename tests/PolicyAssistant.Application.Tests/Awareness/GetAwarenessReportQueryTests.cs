using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Tests.Reports;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Awareness;

/// <summary>知晓率 and 政策明白人 of <see cref="ReportDataSet"/>'s quiz, split on 2019-10-10 (a campaign's start).</summary>
public sealed class GetAwarenessReportQueryTests
{
    private static readonly StaffScope Everywhere = new(1, []);
    private static readonly DateOnly CampaignStart = new(2019, 10, 10);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rates_BeforeAndAfterTheCampaign_CountEachPeriodsAttempts(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var data = await ReportDataSet.SeedAsync(database);
        var query = new GetAwarenessReportQuery(database.CreateContext());

        var before = await query.GetAsync(Everywhere, null, data.QuizId, AwarenessPeriod.Before, CampaignStart, CancellationToken.None);
        var after = await query.GetAsync(Everywhere, null, data.QuizId, AwarenessPeriod.After, CampaignStart, CancellationToken.None);

        // Before: H1 alone, all right, of 3 poor households. After: H2 wrong, H3 and H4 (not poor) right.
        Assert.Equal((1, 1, 3, 1, 1m, 0.3333m), Summary(before.Total));
        Assert.Equal((2, 3, 3, 1, 0.6667m, 0.3333m), Summary(after.Total));
    }

    [Fact]
    public async Task Rates_PerVillageAndTownship_AddUp()
    {
        using var database = TestDatabase.CreateSqlite();
        var data = await ReportDataSet.SeedAsync(database);

        var report = await new GetAwarenessReportQuery(database.CreateContext()).GetAsync(Everywhere, null, data.QuizId, AwarenessPeriod.All, null, CancellationToken.None);

        Assert.Equal(
            [("杏林村", "青岚镇", (2, 2, 1, 1, 1m, 1m)), ("桃源村", "青岚镇", (0, 1, 1, 0, 0m, 0m)), ("石门村", "平山镇", (1, 1, 1, 1, 1m, 1m))],
            report.Villages.Select(v => (v.Name, v.TownshipName!, Summary(v))));
        Assert.Equal([("青岚镇", (2, 3, 2, 1, 0.6667m, 0.5m)), ("平山镇", (1, 1, 1, 1, 1m, 1m))], report.Townships.Select(t => (t.Name, Summary(t))));
    }

    [Fact]
    public async Task PolicyLiterateMembers_FlaggedPlusMembersWhoAnsweredAllRight()
    {
        using var database = TestDatabase.CreateSqlite();
        var data = await ReportDataSet.SeedAsync(database);

        var report = await new GetAwarenessReportQuery(database.CreateContext()).GetAsync(Everywhere, null, data.QuizId, AwarenessPeriod.All, null, CancellationToken.None);

        // 杏林村: 乙 flagged; 甲 and 己 answered all right. Its one poor household (H1) has one. 桃源村: none.
        Assert.Equal(
            [("杏林村", 1, 2, 1), ("桃源村", 0, 0, 0), ("石门村", 0, 1, 1)],
            report.Villages.Select(v => (v.Name, v.FlaggedLiterate, v.QuizLiterate, v.HouseholdsWithLiterate)));
    }

    private static (int AllCorrect, int Answered, int RegisteredPoor, int AllCorrectPoor, decimal? AmongAnswered, decimal? AmongPoor) Summary(AwarenessRow row) =>
        (row.Rate.AllCorrect, row.Rate.Answered, row.Rate.RegisteredPoor, row.Rate.AllCorrectRegisteredPoor, row.Rate.AmongAnswered, row.Rate.AmongRegisteredPoor);
}
