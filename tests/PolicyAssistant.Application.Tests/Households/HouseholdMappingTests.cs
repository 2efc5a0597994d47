using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

/// <summary>The household mappings on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class HouseholdMappingTests
{
    private static readonly DateOnly Day = new(2019, 10, 15);

    private readonly PersonalDataProtector _protector = Content.NewProtector();

    [Fact]
    public async Task FindByIdNumberHash_TypedDifferently_FindsTheMember()
    {
        using var database = TestDatabase.CreateSqlite();
        await SeedAsync(database);
        await using var db = database.CreateContext();

        var hash = _protector.HashOf(IdNumber.Parse(" 450223 19800101 0012 "));
        var member = await db.Set<Member>().SingleOrDefaultAsync(m => m.IdNumberHash == hash);

        Assert.Equal("韦建国", member?.Name);
    }

    [Fact]
    public async Task Save_SameIdNumberTwice_IsRejected()
    {
        using var database = TestDatabase.CreateSqlite();
        await SeedAsync(database);
        await using var db = database.CreateContext();
        var household = await db.Set<Household>().FirstAsync();
        household.Members.Add(Member.Create("重复", RelationToHead.Other, IdNumber.Parse("450223198001010012"), null, _protector));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Save_Member_StoresNoIdNumberOrPhoneInTheClear()
    {
        using var database = TestDatabase.CreateSqlite();
        await SeedAsync(database);
        await using var db = database.CreateContext();

        var columns = await db.Database.SqlQueryRaw<string>(
            "SELECT \"IdNumberCiphertext\" || ' ' || \"IdNumberHash\" || ' ' || \"PhoneCiphertext\" || ' ' || \"PhoneHash\" AS \"Value\" FROM \"Members\"").ToListAsync();

        Assert.DoesNotContain(columns, value => value.Contains("450223198001010012") || value.Contains("19900001234"));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveAndReload_KeepsEveryRecord(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database);
        await using var db = database.CreateContext();

        var household = await db.Set<Household>()
            .Include(h => h.Village!).ThenInclude(v => v.Parent!).ThenInclude(t => t.Parent)
            .Include(h => h.Members).ThenInclude(m => m.ChronicCertifications)
            .Include(h => h.Members).ThenInclude(m => m.FollowUps).ThenInclude(f => f.FamilyDoctor)
            .Include(h => h.Members).ThenInclude(m => m.InpatientStays)
            .Include(h => h.DoctorContracts).ThenInclude(c => c.DoctorTeam!).ThenInclude(t => t.FamilyDoctors)
            .SingleAsync();
        var head = household.Head!;
        var stay = head.InpatientStays.Single();
        var contract = household.DoctorContracts.Single();
        var certification = head.ChronicCertifications.Single();

        Assert.Equal(
            ("鹿寨县青岚镇杏林村", "450223", "199****1234", new DateOnly(1980, 1, 1), Sex.Male, true),
            (household.Village!.FullName, household.Village.CountyCode, head.PhoneMasked, head.BirthDate, head.Sex, head.IsPolicyLiterateMember));
        Assert.Equal(Estimate(), stay.Settlement);
        Assert.Equal((HospitalLevel.County, ExclusionReason.TrafficAccident), (stay.HospitalLevel, stay.Exclusion));
        Assert.Equal((DoctorContractStatus.Active, ContractServices.BasicMedicalCare | ContractServices.ChronicDiseaseManagement, 3),
            (contract.Status, contract.Services, contract.DoctorTeam!.FamilyDoctors.Count));
        Assert.Equal((CertificationStatus.Rejected, "血压记录不足"), (certification.Status, certification.RejectionReason));
        Assert.Equal(("李医生", Day.AddMonths(3)), (head.FollowUps.Single().FamilyDoctor!.Name, head.FollowUps.Single().NextDueOn));
        Assert.Equal("450223198001010012", head.RevealIdNumber(_protector).Value);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Enums_AreStoredAsNames(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database);
        await using var db = database.CreateContext();

        var values = await db.Database.SqlQueryRaw<string>(
            "SELECT \"Status\" || '|' || \"Services\" AS \"Value\" FROM \"DoctorContracts\"").ToListAsync();

        Assert.Equal(["Active|BasicMedicalCare, ChronicDiseaseManagement"], values);
    }

    private static SettlementBreakdown Estimate() => new SettlementEstimator().Estimate(
        new SettlementRequest { TotalBill = 12345.67m, HospitalLevel = HospitalLevel.County, IsRegisteredPoor = true, Exclusion = ExclusionReason.TrafficAccident },
        Content.Catalog.Find("450223", new DateOnly(2018, 5, 1))!).Breakdown;

    private async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var county = new Region { Code = "450223", Name = "鹿寨县", Level = RegionLevel.County };
        var township = new Region { Code = "450223801", Name = "青岚镇", Level = RegionLevel.Township, Parent = county };
        var village = new Region { Code = "450223801201", Name = "杏林村", Level = RegionLevel.Village, Parent = township };
        var team = new DoctorTeam
        {
            Name = "青岚镇卫生院家庭医生一团队",
            Institution = "青岚镇卫生院",
            InstitutionKind = HealthInstitutionKind.TownshipHealthCenter,
            Township = township,
            Phone = "19900009999",
            FamilyDoctors =
            [
                new FamilyDoctor { Name = "李医生", Role = FamilyDoctorRole.Doctor, Phone = "19900009998" },
                new FamilyDoctor { Name = "王护士", Role = FamilyDoctorRole.Nurse, Phone = "19900009997" },
                new FamilyDoctor { Name = "覃医生", Role = FamilyDoctorRole.PublicHealthDoctor, Phone = "19900009996" },
            ],
        };
        var head = Member.Create("韦建国", RelationToHead.Self, IdNumber.Parse("450223198001010012"), PhoneNumber.Parse("19900001234"), _protector);
        head.IsPolicyLiterateMember = true;
        var certification = new ChronicCertification { Disease = ChronicDisease.Hypertension, AppliedOn = Day.AddDays(-30), Institution = "青岚镇卫生院" };
        certification.Reject(Day.AddDays(-10), "血压记录不足", "连续测量两周后复诊", Day.AddDays(20));
        head.ChronicCertifications.Add(certification);
        head.FollowUps.Add(new FollowUp { Date = Day, Kind = FollowUpKind.FaceToFace, FamilyDoctor = team.FamilyDoctors[0], Findings = "血压150/95mmHg", NextDueOn = Day.AddMonths(3) });
        head.InpatientStays.Add(new InpatientStay
        {
            HospitalName = "鹿寨县人民医院",
            HospitalLevel = HospitalLevel.County,
            InCounty = true,
            AdmittedOn = new DateOnly(2018, 5, 1),
            DischargedOn = new DateOnly(2018, 5, 9),
            Exclusion = ExclusionReason.TrafficAccident,
            Settlement = Estimate(),
        });
        var household = new Household { Village = village, Address = "杏林村3组12号", IsRegisteredPoor = true, Members = [head] };
        household.DoctorContracts.Add(new DoctorContract
        {
            DoctorTeam = team,
            SignedOn = Day.AddMonths(-2),
            TermStart = Day.AddMonths(-2),
            TermEnd = Day.AddMonths(10),
            Status = DoctorContractStatus.Active,
            Services = ContractServices.BasicMedicalCare | ContractServices.ChronicDiseaseManagement,
        });
        db.Add(household);
        await db.SaveChangesAsync();
    }
}
