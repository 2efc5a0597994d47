using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

public sealed class DemoDataLoaderTests
{
    private static readonly int DemoMembers = Content.DemoData.Households.Sum(household => household.Members.Count);

    private readonly PersonalDataProtector _protector = Content.NewProtector();

    [Fact]
    public async Task LoadAsync_SecondTime_SkipsAndAddsNothing()
    {
        using var database = TestDatabase.CreateSqlite();
        await LoadAsync(database, today: null);

        var second = await LoadAsync(database, today: null);

        await using var db = database.CreateContext();
        Assert.Equal((false, DemoMembers), (second.Loaded, await db.Set<Member>().CountAsync()));
    }

    [Fact]
    public async Task LoadAsync_TodayYearsLater_MovesEveryDateByWholeYears()
    {
        using var database = TestDatabase.CreateSqlite();
        var today = Content.DemoData.AsOf.AddYears(6).AddDays(40);

        var result = await LoadAsync(database, today);

        await using var db = database.CreateContext();
        var firstStay = Content.DemoData.Households.SelectMany(h => h.Members).SelectMany(m => m.InpatientStays).Min(stay => stay.AdmittedOn);
        Assert.Equal((6, firstStay.AddYears(6)), (result.YearsShifted, await db.Set<InpatientStay>().MinAsync(stay => stay.AdmittedOn)));
    }

    [Fact]
    public async Task LoadAsync_IdNumbers_AreFoundByTheirHash()
    {
        using var database = TestDatabase.CreateSqlite();
        await LoadAsync(database, today: null);
        var sample = Content.DemoData.Households[5].Members[0];

        await using var db = database.CreateContext();
        var hash = _protector.HashOf(IdNumber.Parse(sample.IdNumber));
        Assert.Equal(sample.Name, (await db.Set<Member>().SingleAsync(member => member.IdNumberHash == hash)).Name);
    }

    [Fact]
    public async Task LoadAsync_RegionsAlreadyThere_AreReused()
    {
        using var database = TestDatabase.CreateSqlite();
        await using (var db = database.CreateContext())
        {
            db.Add(new Region { Code = "450000", Name = "广西壮族自治区", Level = RegionLevel.Province });
            await db.SaveChangesAsync();
        }

        await LoadAsync(database, today: null);

        await using var check = database.CreateContext();
        Assert.Equal(Content.DemoData.Regions.Count, await check.Set<Region>().CountAsync());
    }

    [Fact]
    public async Task LoadAsync_BadIdNumber_ThrowsAndLeavesTheDatabaseEmpty()
    {
        using var database = TestDatabase.CreateSqlite();
        var data = Content.DemoData;
        var broken = data with
        {
            Households = [.. data.Households.Take(3), data.Households[3] with { Members = [data.Households[3].Members[0] with { IdNumber = "450223198001010013" }] }],
        };
        await using var db = database.CreateContext();

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => new DemoDataLoader(db, _protector).LoadAsync(broken, null, CancellationToken.None));

        Assert.Equal(("A member of demo household 3 has an invalid ID number (WrongCheckDigit).", 0), (exception.Message, await db.Set<Region>().CountAsync()));
    }

    [Theory]
    [InlineData("2019-10-15", "2019-10-15", 0)]
    [InlineData("2019-10-15", "2019-10-14", 0)]
    [InlineData("2019-10-15", "2025-10-14", 5)]
    [InlineData("2019-10-15", "2025-10-15", 6)]
    [InlineData("2019-10-15", "2012-01-01", 0)]
    public void YearsToShift_AsOfAndToday_GivesWholeYearsForward(string asOf, string today, int expected)
    {
        Assert.Equal(expected, DemoDataLoader.YearsToShift(DateOnly.Parse(asOf), DateOnly.Parse(today)));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LoadAsync_EmptyDatabase_LoadsEveryMember(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);

        var result = await LoadAsync(database, today: null);

        await using var db = database.CreateContext();
        Assert.Equal((true, DemoMembers, DemoMembers), (result.Loaded, result.Members, await db.Set<Member>().CountAsync()));
    }

    private async Task<DemoDataLoadResult> LoadAsync(TestDatabase database, DateOnly? today)
    {
        await using var db = database.CreateContext();
        return await new DemoDataLoader(db, _protector).LoadAsync(Content.DemoDataPath, today, CancellationToken.None);
    }
}
