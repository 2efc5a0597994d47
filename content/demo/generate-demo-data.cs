#:project ../../src/PolicyAssistant.Application/PolicyAssistant.Application.csproj
#:property PublishAot=false
// Writes demo-data.json beside this file: `dotnet run content/demo/generate-demo-data.cs`.
// Every person, phone and ID number is invented (seeded, so the output is reproducible); settlements come from
// the real SettlementEstimator with the county's policy file, so the stored figures always match the estimator.
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Domain.Settlement;

var here = Path.GetDirectoryName(Path.GetFullPath(AppContext.GetData("EntryPointFilePath") as string ?? "content/demo/generate-demo-data.cs"))!;
var catalog = PolicyParameterCatalog.LoadDirectory(Path.Combine(here, "..", "policies"));
var generator = new DemoGenerator(new Random(20191015), catalog);
var data = generator.Generate();
data.Write(Path.Combine(here, "demo-data.json"));
Console.WriteLine($"{data.Households.Count} households, {data.Households.Sum(h => h.Members.Count)} members written.");

sealed record County(string Code, string Name, string[] Surnames, string Hospital, string MedicineHospital, string NeighbourHospital, string CityHospital, string ProvinceHospital, DateOnly StaysFrom, DateOnly StaysTo, int FollowUpMonths);

sealed class DemoGenerator(Random random, PolicyParameterCatalog catalog)
{
    private static readonly DateOnly AsOf = new(2019, 10, 15);
    private static readonly string GivenNameChars = "秀兰桂英玉梅建国志强文华海军丽娟红霞春生永福金凤明亮小平德胜淑芬晓燕俊杰家宝秋菊国庆振华雪梅宏伟月娥德明翠花";
    private static readonly string[] Diagnoses = ["肺炎", "急性阑尾炎", "脑梗死", "冠心病", "慢性阻塞性肺疾病急性加重", "2型糖尿病", "胆囊结石", "股骨骨折", "子宫肌瘤", "白内障", "高血压3级", "胃癌", "慢性肾功能衰竭"];
    private static readonly (ChronicDisease Disease, string[] Findings)[] Chronic =
    [
        (ChronicDisease.Hypertension, ["血压142/90mmHg，按时服药，嘱低盐饮食", "血压158/96mmHg，已调整用药，两周后复测", "血压128/82mmHg，控制良好"]),
        (ChronicDisease.Type2Diabetes, ["空腹血糖7.8mmol/L，按时服药，控制饮食", "空腹血糖6.4mmol/L，控制良好", "空腹血糖9.6mmol/L，建议到县医院调整方案"]),
        (ChronicDisease.SevereMentalIllness, ["病情稳定，按时服药，家属监护到位", "睡眠欠佳，已联系县精神科医生会诊"]),
        (ChronicDisease.Tuberculosis, ["规律服药第3个月，痰检阴性", "服药后轻度胃部不适，已对症处理"]),
        (ChronicDisease.CoronaryHeartDisease, ["偶有胸闷，按时服药，避免劳累", "病情稳定"]),
        (ChronicDisease.ChronicObstructivePulmonaryDisease, ["活动后气促，指导呼吸训练", "病情稳定，冬季注意保暖"]),
    ];

    private static readonly County[] Counties =
    [
        new("450223", "鹿寨县", ["韦", "覃", "莫", "蓝", "黄", "李", "梁", "陆", "潘", "廖"], "鹿寨县人民医院", "鹿寨县中医医院", "邻县人民医院", "柳州市人民医院", "自治区人民医院",
            new DateOnly(2018, 1, 5), new DateOnly(2018, 12, 20), 3),
        new("610822", "府谷县", ["王", "张", "刘", "李", "郝", "苏", "高", "杨", "贾", "折"], "府谷县人民医院", "府谷县中医医院", "邻县人民医院", "榆林市第一医院", "陕西省人民医院",
            new DateOnly(2019, 1, 5), new DateOnly(2019, 9, 30), 1),
    ];

    private readonly PolicyParameterCatalog _catalog = catalog;
    private readonly SettlementEstimator _estimator = new();
    private readonly HashSet<string> _idNumbers = [];
    private readonly List<DemoRegion> _regions = [];
    private readonly List<DemoDoctorTeam> _teams = [];
    private int _nextPhone;
    private int _nextStay;

    public DemoDataSet Generate()
    {
        _regions.AddRange([
            new("450000", "广西壮族自治区", RegionLevel.Province), new("450200", "柳州市", RegionLevel.City, "450000"), new("450223", "鹿寨县", RegionLevel.County, "450200"),
            new("610000", "陕西省", RegionLevel.Province), new("610800", "榆林市", RegionLevel.City, "610000"), new("610822", "府谷县", RegionLevel.County, "610800"),
        ]);
        var townships = new Dictionary<string, (string Name, string[] Villages)[]>
        {
            ["450223"] = [("青岚镇", ["杏林村", "桃源村", "石桥村"]), ("桂溪乡", ["清泉村", "梨花村", "松岭村"]), ("石门镇", ["红崖村", "柳湾村", "竹山村"])],
            ["610822"] = [("武家庄镇", ["杨家峁村", "枣园村", "沙梁村"]), ("黄河湾镇", ["高家坪村", "榆树湾村", "石窑村"]), ("枣林乡", ["前进村", "新庄村", "阳坡村"])],
        };
        var households = new List<DemoHousehold>();
        foreach (var county in Counties)
        {
            var townshipNumber = 800;
            foreach (var (townshipName, villages) in townships[county.Code])
            {
                var townshipCode = county.Code + (++townshipNumber).ToString();
                _regions.Add(new(townshipCode, townshipName, RegionLevel.Township, county.Code));
                var centerTeam = AddTeam(townshipCode, $"{townshipName}卫生院家庭医生一团队", $"{townshipName}卫生院", HealthInstitutionKind.TownshipHealthCenter);
                var villageNumber = 200;
                foreach (var villageName in villages)
                {
                    var villageCode = townshipCode + (++villageNumber).ToString();
                    _regions.Add(new(villageCode, villageName, RegionLevel.Village, townshipCode));
                    var clinicTeam = villageNumber == 201
                        ? AddTeam(townshipCode, $"{villageName}卫生室家庭医生团队", $"{villageName}卫生室", HealthInstitutionKind.VillageClinic)
                        : centerTeam;
                    for (var i = 1; i <= 6; i++)
                    {
                        households.Add(Household(county, townshipName, villageCode, villageName, i, random.Next(6) == 0 ? clinicTeam : centerTeam));
                    }
                }
            }
        }

        return new DemoDataSet(
            "虚构的演示数据：人名、身份证号、电话、乡镇、村和就医记录都是编造的，仅供演示和测试，与真实人员无关。身份证号使用鹿寨县、府谷县的地区码和有效校验位，电话都在1990000号段。",
            AsOf, _regions, _teams, households);
    }

    private DemoDoctorTeam AddTeam(string townshipCode, string name, string institution, HealthInstitutionKind kind)
    {
        var key = $"T{_teams.Count + 1:00}";
        var county = Counties.Single(c => townshipCode.StartsWith(c.Code, StringComparison.Ordinal));
        var doctors = new[] { FamilyDoctorRole.Doctor, FamilyDoctorRole.Nurse, FamilyDoctorRole.PublicHealthDoctor }
            .Select((role, i) => new DemoFamilyDoctor($"{key}-{i + 1}", PersonName(Pick(county.Surnames)), role, Phone()))
            .ToList();
        var team = new DemoDoctorTeam(key, name, institution, kind, townshipCode, Phone(), doctors);
        _teams.Add(team);
        return team;
    }

    private DemoHousehold Household(County county, string township, string villageCode, string villageName, int number, DemoDoctorTeam team)
    {
        var poor = random.Next(100) < 85;
        var surname = Pick(county.Surnames);
        var headAge = random.Next(28, 78);
        var headMale = random.Next(100) < 80;
        var people = new List<(string Name, RelationToHead Relation, int Age, bool Male)> { (surname + GivenName(), RelationToHead.Self, headAge, headMale) };
        if (random.Next(100) < 80)
        {
            people.Add((PersonName(Pick(county.Surnames)), RelationToHead.Spouse, Math.Clamp(headAge + random.Next(-5, 4), 22, 85), !headMale));
        }

        var children = headAge > 30 ? random.Next(0, 4) : random.Next(0, 2);
        for (var i = 0; i < children; i++)
        {
            var male = random.Next(2) == 0;
            var childAge = Math.Max(0, headAge - random.Next(22, 32) - i * 2);
            people.Add(((headMale ? surname : Pick(county.Surnames)) + GivenName(), male ? RelationToHead.Son : RelationToHead.Daughter, childAge, male));
        }

        if (headAge < 50 && random.Next(100) < 35)
        {
            people.Add((surname + GivenName(), RelationToHead.Mother, headAge + random.Next(22, 30), false));
        }

        if (headAge > 60 && random.Next(100) < 40)
        {
            var male = random.Next(2) == 0;
            people.Add((surname + GivenName(), male ? RelationToHead.Grandson : RelationToHead.Granddaughter, random.Next(1, 14), male));
        }

        var literate = poor && random.Next(100) < 85 ? people.Where(p => p.Age is >= 18 and < 65).Select(p => p.Name).LastOrDefault() : null;
        var members = people.Select(person => Member(county, township, team, person.Name, person.Relation, person.Age, person.Male, poor, person.Name == literate)).ToList();
        return new DemoHousehold(villageCode, $"{villageName}{random.Next(1, 8)}组{number * 3 + random.Next(3)}号", poor, members, Contracts(poor, members, team));
    }

    private List<DemoDoctorContract> Contracts(bool poor, List<DemoMember> members, DemoDoctorTeam team)
    {
        var services = ContractServices.BasicMedicalCare | ContractServices.PublicHealth | ContractServices.HealthAssessment | ContractServices.HealthEducation | ContractServices.ReferralGuidance;
        var roll = random.Next(100);
        if (poor)
        {
            if (members.Any(m => m.ChronicCertifications.Count > 0))
            {
                services |= ContractServices.ChronicDiseaseManagement;
            }

            if (members.Any(m => Age(m) >= 75))
            {
                services |= ContractServices.HomeVisit;
            }

            if (roll < 4)
            {
                return []; // not yet signed: the contract rate shows it
            }

            if (roll < 20)
            {
                var signed = AsOf.AddDays(-random.Next(420, 700));
                return [new(team.Key, signed, signed, signed.AddYears(1).AddDays(-1), DoctorContractStatus.Expired, services)];
            }

            if (roll < 25)
            {
                var signed = AsOf.AddDays(-random.Next(120, 300));
                return [new(team.Key, signed, signed, signed.AddYears(1).AddDays(-1), DoctorContractStatus.Terminated, services, TerminationReason: Pick(["户籍迁出本县", "本人申请改签其他团队", "长期在外务工，本人申请解约"]))];
            }

            var start = AsOf.AddDays(-random.Next(10, 330));
            return [new(team.Key, start.AddDays(-random.Next(0, 10)), start, start.AddYears(1).AddDays(-1), DoctorContractStatus.Active, services)];
        }

        // Outside the register, only chronic patients are signed, one by one.
        var patient = members.FindIndex(m => m.ChronicCertifications.Count > 0);
        if (patient < 0 || roll < 30)
        {
            return [];
        }

        var from = AsOf.AddDays(-random.Next(10, 330));
        return [new(team.Key, from, from, from.AddYears(1).AddDays(-1), DoctorContractStatus.Active, services | ContractServices.ChronicDiseaseManagement, MemberIndex: patient)];
    }

    private DemoMember Member(County county, string township, DemoDoctorTeam team, string name, RelationToHead relation, int age, bool male, bool poor, bool literate)
    {
        var birth = AsOf.AddYears(-age).AddDays(-random.Next(1, 365));
        var idNumber = IdNumberFor(county.Code, birth, male);
        var phone = age >= 18 && random.Next(100) < 65 ? Phone() : null;
        var certifications = new List<DemoChronicCertification>();
        var followUps = new List<DemoFollowUp>();
        if (age >= 40 && random.Next(100) < 30)
        {
            var (disease, findings) = Chronic[random.Next(Chronic.Length)];
            certifications.Add(Certification(disease, $"{township}卫生院"));
            followUps.AddRange(FollowUps(county, team, findings));
        }

        var stays = new List<DemoInpatientStay>();
        var stayCount = random.Next(100) < (age >= 50 ? 24 : 10) ? random.Next(1, 3) : 0;
        for (var i = 0; i < stayCount; i++)
        {
            stays.Add(Stay(county, poor, township));
        }

        return new DemoMember(name, relation, idNumber, phone, literate, certifications, followUps, stays);
    }

    private DemoChronicCertification Certification(ChronicDisease disease, string institution)
    {
        var roll = random.Next(100);
        if (roll < 25)
        {
            var applied = AsOf.AddDays(-random.Next(3, 40));
            return new(disease, CertificationStatus.Pending, applied, institution, NextStep: "等待县医院专家到镇卫生院坐诊确认，结果出来后卫生院会电话通知", NextStepDueOn: applied.AddDays(30));
        }

        var appliedOn = AsOf.AddDays(-random.Next(60, 500));
        var decided = appliedOn.AddDays(random.Next(7, 30));
        if (roll < 40)
        {
            var reason = Pick(["诊断证明不全，缺少近半年的检查报告", "血压、血糖记录不足，需连续监测后复诊", "所报疾病不在门诊慢性病病种范围内"]);
            return new(disease, CertificationStatus.Rejected, appliedOn, institution, decided, reason, "补齐材料后可到镇卫生院重新申请", decided.AddDays(60));
        }

        return new(disease, CertificationStatus.Certified, appliedOn, institution, decided, NextStep: "凭慢病证明在镇卫生院门诊购药报销");
    }

    private IEnumerable<DemoFollowUp> FollowUps(County county, DemoDoctorTeam team, string[] findings)
    {
        // 府谷: monthly for poor chronic patients (seed 000); 鹿寨: at least four face-to-face visits a year (seed 001).
        var overdue = random.Next(100) < 30;
        var last = overdue ? AsOf.AddMonths(-county.FollowUpMonths).AddDays(-random.Next(5, 40)) : AsOf.AddDays(-random.Next(1, 25));
        var count = random.Next(2, 6);
        var doctor = team.FamilyDoctors[random.Next(2) == 0 ? 0 : 2];
        for (var i = count - 1; i >= 0; i--)
        {
            var date = last.AddMonths(-county.FollowUpMonths * i);
            var kind = random.Next(100) < 75 ? FollowUpKind.FaceToFace : FollowUpKind.Phone;
            yield return new(date, kind, doctor.Key, Pick(findings), date.AddMonths(county.FollowUpMonths));
        }
    }

    private DemoInpatientStay Stay(County county, bool poor, string township)
    {
        // Walk through every kind of stay in turn, so each one is in the data however the dice fall.
        var kind = _nextStay++ % 10;
        var (level, inCounty, referral, hospital) = kind switch
        {
            0 or 1 => (HospitalLevel.Township, true, false, $"{township}卫生院"),
            2 or 3 => (HospitalLevel.County, true, false, county.Hospital),
            4 => (HospitalLevel.County, true, false, county.MedicineHospital),
            5 => (HospitalLevel.County, false, random.Next(2) == 0, county.NeighbourHospital),
            6 or 7 => (HospitalLevel.City, false, true, county.CityHospital),
            8 => (HospitalLevel.City, false, false, county.CityHospital),
            _ => (HospitalLevel.Province, false, random.Next(3) > 0, county.ProvinceHospital),
        };
        var designated = _nextStay % 17 != 0;
        var emergency = !designated && _nextStay % 2 == 0;
        if (!designated)
        {
            hospital = $"{county.Name}某民营医院";
        }

        var exclusion = _nextStay % 23 == 0 ? ExclusionReason.TrafficAccident : (ExclusionReason?)null;
        var total = level switch
        {
            HospitalLevel.Township => random.Next(800, 5000),
            HospitalLevel.County => random.Next(3000, 30000),
            HospitalLevel.City => random.Next(10000, 90000),
            _ => random.Next(30000, 260000),
        } + random.Next(100) / 100m;
        var covered = Math.Round(total * (0.80m + random.Next(19) / 100m), 2, MidpointRounding.ToZero);
        var admitted = county.StaysFrom.AddDays(random.Next(county.StaysTo.DayNumber - county.StaysFrom.DayNumber));
        var discharged = admitted.AddDays(level == HospitalLevel.Township ? random.Next(3, 8) : random.Next(5, 25));
        var stay = new DemoInpatientStay(hospital, level, inCounty, referral, designated, emergency, admitted, discharged,
            exclusion is null ? Pick(Diagnoses) : "交通事故致多处软组织挫伤",
            new SettlementBreakdown { TotalBill = total, CoveredCost = covered, SelfPay = total }, exclusion);
        var request = stay.ToInpatientStay().ToSettlementRequest(poor);
        var policy = _catalog.Find(county.Code, admitted) ?? throw new InvalidOperationException($"No policy for {county.Code} on {admitted}.");
        return stay with { Settlement = _estimator.Estimate(request, policy).Breakdown };
    }

    private string IdNumberFor(string countyCode, DateOnly birth, bool male)
    {
        while (true)
        {
            var sequence = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var first17 = $"{countyCode}{birth:yyyyMMdd}{sequence:000}";
            var idNumber = first17 + IdNumber.CheckDigit(first17);
            if (_idNumbers.Add(idNumber))
            {
                return idNumber;
            }
        }
    }

    private static int Age(DemoMember member) => AsOf.Year - IdNumber.Parse(member.IdNumber).BirthDate.Year;

    private string Phone() => $"1990000{_nextPhone++:0000}";

    private string PersonName(string surname) => surname + GivenName();

    private string GivenName() => random.Next(3) == 0
        ? GivenNameChars[random.Next(GivenNameChars.Length)].ToString()
        : $"{GivenNameChars[random.Next(GivenNameChars.Length)]}{GivenNameChars[random.Next(GivenNameChars.Length)]}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
