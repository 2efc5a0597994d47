using PolicyAssistant.Domain.Awareness;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Reports;

/// <summary>
/// A data set small enough that every figure of October 2019 is known by hand. Three poor households and one
/// that is not (its member meets every rule, so a figure that counted it would be off):
/// <list type="bullet">
/// <item>H1 杏林村 (青岚镇): 甲 (head: record, whole-household contract, certified hypertension, October follow-up,
/// in-county stay 10000 with 800 self-pay) and 乙 (no record, flagged 政策明白人).</item>
/// <item>H2 桃源村 (青岚镇): 丙 (record opened in November, no contract, certified diabetes followed up in August,
/// in-county stay 20000 with 3000 self-pay, out-of-county stay 5000 with 400 self-pay).</item>
/// <item>H3 石门村 (平山镇): 丁 (record, own contract ended in June, certification pending) and 戊 (nothing).</item>
/// <item>H4 杏林村, not registered poor: 己 with everything.</item>
/// </list>
/// Quiz answers: H1 all right on 10-05 (by 甲), H2 wrong on 10-12, H3 all right on 10-15 (by 丁), H4 all right on 10-16.
/// </summary>
public sealed class ReportDataSet
{
    public static readonly DateOnly MonthEnd = new(2019, 10, 31);
    public const string County = "450223";
    public const string Qinglan = "450223101";
    public const string Pingshan = "450223102";

    public int QuizId { get; private set; }

    public Household H1 { get; private set; } = null!;

    public static async Task<ReportDataSet> SeedAsync(TestDatabase database)
    {
        var set = new ReportDataSet();
        await using var db = database.CreateContext();
        var protector = TestKeys.Protector;
        var serial = 0;
        Member Person(string name, RelationToHead relation) =>
            Member.Create(name, relation, IdNumber.Parse(WithCheckDigit($"45022319800101{++serial:000}")), null, protector);

        var province = new Region { Code = "450000", Name = "广西壮族自治区", Level = RegionLevel.Province };
        var city = new Region { Code = "450200", Name = "柳州市", Level = RegionLevel.City, Parent = province };
        var county = new Region { Code = County, Name = "鹿寨县", Level = RegionLevel.County, Parent = city };
        var qinglan = new Region { Code = Qinglan, Name = "青岚镇", Level = RegionLevel.Township, Parent = county };
        var pingshan = new Region { Code = Pingshan, Name = "平山镇", Level = RegionLevel.Township, Parent = county };
        var xinglin = new Region { Code = "450223101201", Name = "杏林村", Level = RegionLevel.Village, Parent = qinglan };
        var taoyuan = new Region { Code = "450223101202", Name = "桃源村", Level = RegionLevel.Village, Parent = qinglan };
        var shimen = new Region { Code = "450223102201", Name = "石门村", Level = RegionLevel.Village, Parent = pingshan };
        var team = new DoctorTeam { Name = "青岚镇卫生院第一团队", Institution = "青岚镇卫生院", Township = qinglan, Phone = "07726811234" };

        var jia = Person("韦甲", RelationToHead.Self);
        jia.HealthRecordOpenedOn = new DateOnly(2019, 1, 1);
        jia.ChronicCertifications.Add(Certified(ChronicDisease.Hypertension, new DateOnly(2019, 3, 1)));
        jia.FollowUps.Add(new FollowUp { Date = new DateOnly(2019, 10, 10), Findings = "血压平稳" });
        jia.InpatientStays.Add(Stay(inCounty: true, new DateOnly(2019, 10, 5), 10000m, 800m));
        var yi = Person("韦乙", RelationToHead.Spouse);
        yi.IsPolicyLiterateMember = true;
        var h1 = new Household { Village = xinglin, Address = "1组1号", IsRegisteredPoor = true, Members = [jia, yi] };
        h1.DoctorContracts.Add(Contract(team, null, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)));

        var bing = Person("覃丙", RelationToHead.Self);
        bing.HealthRecordOpenedOn = new DateOnly(2019, 11, 5);
        bing.ChronicCertifications.Add(Certified(ChronicDisease.Type2Diabetes, new DateOnly(2019, 5, 1)));
        bing.FollowUps.Add(new FollowUp { Date = new DateOnly(2019, 8, 1), Findings = "血糖偏高" });
        bing.InpatientStays.Add(Stay(inCounty: true, new DateOnly(2019, 10, 20), 20000m, 3000m));
        bing.InpatientStays.Add(Stay(inCounty: false, new DateOnly(2019, 10, 22), 5000m, 400m));
        var h2 = new Household { Village = taoyuan, Address = "2组2号", IsRegisteredPoor = true, Members = [bing] };

        var ding = Person("蓝丁", RelationToHead.Self);
        ding.HealthRecordOpenedOn = new DateOnly(2018, 6, 1);
        ding.ChronicCertifications.Add(new ChronicCertification { Disease = ChronicDisease.Hypertension, AppliedOn = new DateOnly(2019, 9, 1), Institution = "平山镇卫生院" });
        var wu = Person("蓝戊", RelationToHead.Spouse);
        var h3 = new Household { Village = shimen, Address = "3组3号", IsRegisteredPoor = true, Members = [ding, wu] };

        var ji = Person("莫己", RelationToHead.Self);
        ji.HealthRecordOpenedOn = new DateOnly(2019, 1, 1);
        ji.ChronicCertifications.Add(Certified(ChronicDisease.Hypertension, new DateOnly(2019, 3, 1)));
        ji.FollowUps.Add(new FollowUp { Date = new DateOnly(2019, 10, 11), Findings = "平稳" });
        ji.InpatientStays.Add(Stay(inCounty: true, new DateOnly(2019, 10, 6), 1000m, 0m));
        var h4 = new Household { Village = xinglin, Address = "1组9号", IsRegisteredPoor = false, Members = [ji] };
        h4.DoctorContracts.Add(Contract(team, null, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)));

        db.AddRange(h1, h2, h3, h4);
        await db.SaveChangesAsync();
        ding.Household!.DoctorContracts.Add(Contract(team, ding.Id, new DateOnly(2018, 7, 1), new DateOnly(2019, 6, 30)));

        var quiz = new Quiz
        {
            Title = "小问卷",
            OpensOn = new DateOnly(2019, 10, 1),
            Questions = Enumerable.Range(1, 3).Select(i => new QuizQuestion { Position = i, Text = $"题{i}", Choices = ["对", "错"], CorrectChoice = 1 }).ToList(),
        };
        db.Add(quiz);
        await db.SaveChangesAsync();
        db.AddRange(
            Attempt(quiz, h1, jia, true, new DateOnly(2019, 10, 5)),
            Attempt(quiz, h2, bing, false, new DateOnly(2019, 10, 12)),
            Attempt(quiz, h3, ding, true, new DateOnly(2019, 10, 15)),
            Attempt(quiz, h4, ji, true, new DateOnly(2019, 10, 16)));
        await db.SaveChangesAsync();
        set.QuizId = quiz.Id;
        set.H1 = h1;
        return set;
    }

    private static string WithCheckDigit(string first17) => first17 + IdNumber.CheckDigit(first17);

    private static ChronicCertification Certified(ChronicDisease disease, DateOnly on)
    {
        var certification = new ChronicCertification { Disease = disease, AppliedOn = on.AddDays(-10), Institution = "镇卫生院" };
        certification.Certify(on);
        return certification;
    }

    private static DoctorContract Contract(DoctorTeam team, int? memberId, DateOnly start, DateOnly end) => new()
    {
        DoctorTeam = team,
        MemberId = memberId,
        SignedOn = start,
        TermStart = start,
        TermEnd = end,
        Status = DoctorContractStatus.Active,
        Services = ContractServices.BasicMedicalCare,
    };

    private static InpatientStay Stay(bool inCounty, DateOnly discharged, decimal bill, decimal selfPay) => new()
    {
        HospitalName = inCounty ? "鹿寨县人民医院" : "柳州市人民医院",
        HospitalLevel = inCounty ? HospitalLevel.County : HospitalLevel.City,
        InCounty = inCounty,
        AdmittedOn = discharged.AddDays(-5),
        DischargedOn = discharged,
        Settlement = new SettlementBreakdown { TotalBill = bill, CoveredCost = bill, BasicInsurance = bill - selfPay, SelfPay = selfPay },
    };

    private static QuizAttempt Attempt(Quiz quiz, Household household, Member member, bool allCorrect, DateOnly on) => new()
    {
        QuizId = quiz.Id,
        HouseholdId = household.Id,
        MemberId = member.Id,
        Answers = allCorrect ? [1, 1, 1] : [1, 2, 1],
        CorrectCount = allCorrect ? 3 : 2,
        AllCorrect = allCorrect,
        CompletedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        CompletedOn = on,
    };
}
