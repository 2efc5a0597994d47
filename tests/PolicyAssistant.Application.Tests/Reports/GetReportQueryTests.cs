using PolicyAssistant.Domain.Households;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Reports;
using PolicyAssistant.Application.Tickets;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Reports;

/// <summary>Every figure of <see cref="ReportDataSet"/> for October 2019, worked out by hand in its summary.</summary>
public sealed class GetReportQueryTests
{
    private static readonly StaffScope Everywhere = new(1, []);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Figures_WholeCounty_CountOnlyRegisteredPoorHouseholds(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await ReportDataSet.SeedAsync(database);

        var report = await QueryOf(database).GetAsync(new ReportFilter(Everywhere, null, 2019, 10), CancellationToken.None);

        // (counted, met, value): records 甲丁 of 5 people; contracts 甲乙; managed 甲 of 甲丙; followed up in October 甲;
        // in-county stays (30000 − 3800) / 30000; self-pay ≤ 10% in 2 of 3 stays.
        Assert.Equal(
            [
                (FigureKind.HealthRecords, 5, 2, (decimal?)0.4m),
                (FigureKind.Contracts, 5, 2, 0.4m),
                (FigureKind.ChronicManagement, 2, 1, 0.5m),
                (FigureKind.FollowUpsOnSchedule, 2, 1, 0.5m),
                (FigureKind.InCountyReimbursement, 2, 2, 0.8733m),
                (FigureKind.SafetyNet, 3, 2, 0.6667m),
            ],
            report.Figures.Select(f => (f.Kind, f.Counted, f.Met, f.Value)));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Awareness_LatestQuizOfTheMonth_TheSameRateAsTheQuizReportsTotal(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var set = await ReportDataSet.SeedAsync(database);

        var report = await QueryOf(database).GetAsync(new ReportFilter(Everywhere, null, 2019, 10), CancellationToken.None);
        var quizReport = await new GetAwarenessReportQuery(database.CreateContext()).GetAsync(Everywhere, null, set.QuizId, AwarenessPeriod.All, null, CancellationToken.None);

        // H1, H2, H3 (poor) and H4 answered; H1, H3 and H4 all right: 3 of 4, and 2 of the 3 poor households.
        Assert.Equal((set.QuizId, quizReport.Total.Rate, 4, 3, (decimal?)0.6667m), (report.Awareness!.QuizId, report.Awareness.Rate, report.Awareness.Rate.Answered, report.Awareness.Rate.AllCorrect, report.Awareness.Rate.AmongRegisteredPoor));
    }

    [Fact]
    public async Task Figures_PickedTownship_CountOnlyItsVillages()
    {
        using var database = TestDatabase.CreateSqlite();
        await ReportDataSet.SeedAsync(database);
        var qinglan = new RegionPick(ReportDataSet.Qinglan, "青岚镇", RegionLevel.Township);

        var report = await QueryOf(database).GetAsync(new ReportFilter(Everywhere, qinglan, 2019, 10), CancellationToken.None);

        var records = report.Figures.Single(f => f.Kind == FigureKind.HealthRecords);
        Assert.Equal((3, 1), (records.Counted, records.Met));
    }

    [Fact]
    public async Task Figures_TownshipOperator_SeesOnlyTheirTownshipEvenWhenPickingTheCounty()
    {
        using var database = TestDatabase.CreateSqlite();
        await ReportDataSet.SeedAsync(database);
        var pingshanOperator = new StaffScope(2, [ReportDataSet.Pingshan]);
        var county = new RegionPick(ReportDataSet.County, "鹿寨县", RegionLevel.County);

        var report = await QueryOf(database).GetAsync(new ReportFilter(pingshanOperator, county, 2019, 10), CancellationToken.None);

        var records = report.Figures.Single(f => f.Kind == FigureKind.HealthRecords);
        var contracts = report.Figures.Single(f => f.Kind == FigureKind.Contracts);
        Assert.Equal((2, 1, 2, 0), (records.Counted, records.Met, contracts.Counted, contracts.Met));
    }

    [Fact]
    public async Task Figures_MonthWithoutStays_HaveNoValueRatherThanZero()
    {
        using var database = TestDatabase.CreateSqlite();
        await ReportDataSet.SeedAsync(database);

        var report = await QueryOf(database).GetAsync(new ReportFilter(Everywhere, null, 2019, 9), CancellationToken.None);

        Assert.Null(report.Figures.Single(f => f.Kind == FigureKind.InCountyReimbursement).Value);
        Assert.Null(report.Figures.Single(f => f.Kind == FigureKind.SafetyNet).Value);
    }

    [Fact]
    public async Task Households_ShortOfAFigure_ListedMaskedAndAudited()
    {
        using var database = TestDatabase.CreateSqlite();
        var data = await ReportDataSet.SeedAsync(database);

        var rows = await QueryOf(database).HouseholdsAsync(FigureKind.Contracts, new ReportFilter(new StaffScope(7, []), null, 2019, 10), shortOnly: true, 1, CancellationToken.None);

        // H1 is under contract; H2's one person and both of H3's are not.
        Assert.Equal([(data.H1.Id + 1, 1, 0), (data.H1.Id + 2, 2, 0)], rows.Select(r => (r.HouseholdId, r.Counted, r.Met)));
        Assert.All(rows, row => Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", row.HeadIdNumber));
        await using var db = database.CreateContext();
        var entry = Assert.Single(db.Set<HouseholdAuditEntry>());
        Assert.Equal(("staff:7", HouseholdAuditAction.ListHouseholds), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task BotFigures_CountTheMonthsTicketsAndThoseStillOpen()
    {
        using var database = TestDatabase.CreateSqlite();
        await ReportDataSet.SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            db.AddRange(
                Ticket(opened: new DateTime(2019, 10, 3), answered: new DateTime(2019, 10, 3)),
                Ticket(opened: new DateTime(2019, 10, 30), answered: new DateTime(2019, 11, 1)),
                Ticket(opened: new DateTime(2019, 10, 31), answered: null),
                Ticket(opened: new DateTime(2019, 9, 30), answered: null));
            await db.SaveChangesAsync();
        }

        var report = await QueryOf(database).GetAsync(new ReportFilter(Everywhere, null, 2019, 10), CancellationToken.None);

        Assert.Equal(new MonthTickets(Opened: 3, Answered: 1, OpenNow: 2), report.Bot.Tickets);
    }

    private static SupportTicket Ticket(DateTime opened, DateTime? answered) => new()
    {
        ChannelId = "wechat",
        UserKeyHash = Guid.NewGuid().ToString("N"),
        ConversationKey = Guid.NewGuid().ToString("N"),
        UserIdCiphertext = "sealed",
        Status = answered is null ? TicketStatus.Open : TicketStatus.Closed,
        OpenedAt = DateTime.SpecifyKind(opened, DateTimeKind.Utc),
        LastAskedAt = DateTime.SpecifyKind(opened, DateTimeKind.Utc),
        AskCount = 1,
        AnsweredAt = answered is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
    };

    private static GetReportQuery QueryOf(TestDatabase database)
    {
        var db = database.CreateContext();
        return new(db, new RecordHouseholdAuditCommand(database.CreateFactory(), new TestClock(new DateTimeOffset(2019, 11, 2, 0, 0, 0, TimeSpan.Zero))), new GetAwarenessReportQuery(db));
    }
}
