using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.RosterWorkbooks;
using Member = PolicyAssistant.Domain.Households.Member;

namespace PolicyAssistant.Application.Tests.Households.Rosters;

/// <summary>The back office's household list and its export over an imported roster (household 4, 9, … not registered poor).</summary>
public sealed class HouseholdListTests
{
    private static readonly TestClock MidTerm = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task List_ByDefault_ShowsRegisteredPoorHouseholdsOnly()
    {
        await using var harness = await ImportedAsync(households: 5);

        var page = await ListAsync(harness, new HouseholdFilter());

        Assert.Equal(await HouseholdIdsAsync(harness, 0, 1, 2, 3), page.Rows.Select(row => row.Id));
    }

    [Fact]
    public async Task List_ByTownship_ShowsItsVillagesOnly_WithRegionNames()
    {
        await using var harness = await ImportedAsync(households: 6);

        var page = await ListAsync(harness, new HouseholdFilter(await RegionIdAsync(harness, ZhongduCode), RegisteredPoor: null));

        Assert.Equal(await HouseholdIdsAsync(harness, 2, 5), page.Rows.Select(row => row.Id));
        Assert.All(page.Rows, row => Assert.Equal((County, Zhongdu, "大兆村"), (row.County, row.Township, row.Village)));
    }

    [Fact]
    public async Task List_Chronic_ShowsHouseholdsWithACertifiedMember()
    {
        await using var harness = await ImportedAsync(households: 6, recordEvery: 2);

        var page = await ListAsync(harness, new HouseholdFilter(RegisteredPoor: null, Chronic: true));

        Assert.Equal(await HouseholdIdsAsync(harness, 0, 2, 4), page.Rows.Select(row => row.Id));
    }

    [Fact]
    public async Task List_NotSigned_AfterTheContractsEnded_ShowsEveryHousehold()
    {
        await using var harness = await ImportedAsync(households: 3);
        var afterTerm = new TestClock(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

        var during = await ListAsync(harness, new HouseholdFilter(Signed: false));
        var after = await ListAsync(harness, new HouseholdFilter(Signed: false), clock: afterTerm);

        Assert.Equal((0, 3), (during.Total, after.Total));
    }

    [Fact]
    public async Task List_NameSearch_FindsTheHouseholdOfAMember()
    {
        await using var harness = await ImportedAsync(households: 3);

        var page = await ListAsync(harness, new HouseholdFilter(Search: "李1-2"));

        Assert.Equal(await HouseholdIdsAsync(harness, 1), page.Rows.Select(row => row.Id));
    }

    [Fact]
    public async Task List_TownshipOperator_SeesOnlyTheirTownship_EvenWhenFilteringByTheCounty()
    {
        await using var harness = await ImportedAsync(households: 6);
        var operatorOfBaisha = new StaffScope(7, [BaishaCode]);

        var page = await ListAsync(harness, new HouseholdFilter(await RegionIdAsync(harness, "450223"), RegisteredPoor: null), operatorOfBaisha);

        Assert.Equal(await HouseholdIdsAsync(harness, 0, 1, 3, 4), page.Rows.Select(row => row.Id));
    }

    [Fact]
    public async Task List_PagesOfFifty_WithTheTotal()
    {
        await using var harness = await ImportedAsync(households: 60, membersPerHousehold: 1);

        var second = await ListAsync(harness, new HouseholdFilter(RegisteredPoor: null), page: 2);

        Assert.Equal((10, 60, 2, 2), (second.Rows.Count, second.Total, second.PageNumber, second.PageCount));
    }

    [Fact]
    public async Task Export_FilteredList_HasEveryHouseholdBeyondOnePage_MaskedAndAudited()
    {
        await using var harness = await ImportedAsync(households: 70, membersPerHousehold: 1);
        await using var db = await harness.Factory.CreateDbContextAsync();
        var audit = new RecordHouseholdAuditCommand(harness.Factory, MidTerm);
        var export = new ExportHouseholdsQuery(new GetHouseholdsQuery(db, audit, MidTerm, harness.Protector), audit);
        using var stream = new MemoryStream();

        await export.WriteAsync(new StaffScope(1, []), new HouseholdFilter(), stream, CancellationToken.None);

        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, sheetName: ExportHouseholdsQuery.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(56, rows.Count);
        Assert.All(rows, row => Assert.Matches(@"^4502\*{10}\d{3}[\dX]$", (string)row["户主身份证号"]!));
        Assert.All(rows, row => Assert.Equal("是", row["建档立卡贫困户"]));
        Assert.Equal("poor=True", (await db.Set<HouseholdAuditEntry>().SingleAsync(entry => entry.Action == HouseholdAuditAction.ExportHouseholds)).Detail);
    }

    private static async Task<RosterImportHarness> ImportedAsync(int households, int membersPerHousehold = 3, int recordEvery = 1)
    {
        var harness = await RosterImportHarness.CreateAsync(DatabaseProvider.Sqlite);
        var job = await harness.ImportAsync(Roster(households, membersPerHousehold, recordEvery));
        Assert.Equal((RosterImportStatus.Completed, 0), (job.Status, job.BadRows));
        return harness;
    }

    private static async Task<HouseholdPage> ListAsync(RosterImportHarness harness, HouseholdFilter filter, StaffScope? staff = null, TimeProvider? clock = null, int page = 1)
    {
        await using var db = await harness.Factory.CreateDbContextAsync();
        var query = new GetHouseholdsQuery(db, new RecordHouseholdAuditCommand(harness.Factory, MidTerm), clock ?? MidTerm, harness.Protector);
        return await query.ListAsync(staff ?? RosterImportHarness.Administrator, filter, page, CancellationToken.None);
    }

    private static async Task<List<int>> HouseholdIdsAsync(RosterImportHarness harness, params int[] households)
    {
        await using var db = await harness.Factory.CreateDbContextAsync();
        var ids = new List<int>();
        foreach (var household in households)
        {
            var hash = harness.Protector.HashOf(Domain.Households.IdNumber.Parse(IdNumber(household * 3)));
            ids.Add(await db.Set<Member>().Where(member => member.IdNumberHash == hash).Select(member => member.HouseholdId).SingleAsync());
        }

        return ids;
    }

    private static async Task<int> RegionIdAsync(RosterImportHarness harness, string code)
    {
        await using var db = await harness.Factory.CreateDbContextAsync();
        return await db.Set<Region>().Where(region => region.Code == code).Select(region => region.Id).SingleAsync();
    }
}
