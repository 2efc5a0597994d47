using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>
/// 住院结算: a hospital stay with its discharge settlement, one column per scheme of <see cref="SettlementBreakdown"/>.
/// Natural key: member, admission date and hospital.
/// </summary>
public sealed class InpatientStaySheet : RosterSheet
{
    public const string IdNumber = "身份证号";
    public const string Hospital = "医院名称";
    public const string Level = "医院级别";
    public const string InCounty = "县域内";
    public const string AdmittedOn = "入院日期";
    public const string DischargedOn = "出院日期";
    public const string Diagnosis = "诊断";
    public const string TotalBill = "总费用";
    public const string CoveredCost = "政策范围内费用";
    public const string BasicInsurance = "基本医保";
    public const string CriticalIllnessInsurance = "大病保险";
    public const string SupplementaryInsurance = "大病补充保险";
    public const string MedicalAssistance = "医疗救助";
    public const string SafetyNet = "兜底保障";
    public const string TownshipHealthCenterShare = "卫生院分担";
    public const string CountyFinanceShare = "县财政分担";
    public const string SelfPay = "个人自付";

    private static readonly (HospitalLevel Level, string Name)[] LevelNames =
        [(HospitalLevel.Township, "乡镇级"), (HospitalLevel.County, "县级"), (HospitalLevel.City, "市级"), (HospitalLevel.Province, "省级")];

    public override string Name => "住院结算";

    public override IReadOnlyList<string> Columns { get; } =
    [
        IdNumber, Hospital, Level, InCounty, AdmittedOn, DischargedOn, Diagnosis, TotalBill, CoveredCost, BasicInsurance,
        CriticalIllnessInsurance, SupplementaryInsurance, MedicalAssistance, SafetyNet, TownshipHealthCenterShare, CountyFinanceShare, SelfPay,
    ];

    public override IReadOnlyList<object?> Example { get; } =
        ["450223196505120013", "鹿寨县人民医院", "县级", "是", "2024-05-03", "2024-05-12", "肺炎", 8000m, 7200m, 5040m, 0m, 0m, 1000m, 1400m, 0m, 0m, 560m];

    public static string NameOf(HospitalLevel level) => LevelNames.Single(pair => pair.Level == level).Name;

    public override string? DuplicateKey(RosterRow row) => Key(IdKey(row, IdNumber), row.Optional(AdmittedOn), row.Optional(Hospital));

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row =>
        {
            var admittedOn = row.Date(AdmittedOn);
            var dischargedOn = row.Date(DischargedOn);
            if (dischargedOn < admittedOn)
            {
                throw new RosterRowException($"{DischargedOn}早于{AdmittedOn}");
            }

            var settlement = new SettlementBreakdown
            {
                TotalBill = row.Amount(TotalBill),
                CoveredCost = row.Amount(CoveredCost),
                BasicInsurance = row.Amount(BasicInsurance),
                CriticalIllnessInsurance = row.Amount(CriticalIllnessInsurance),
                SupplementaryInsurance = row.Amount(SupplementaryInsurance),
                MedicalAssistance = row.Amount(MedicalAssistance),
                SafetyNet = row.Amount(SafetyNet),
                TownshipHealthCenterShare = row.Amount(TownshipHealthCenterShare),
                CountyFinanceShare = row.Amount(CountyFinanceShare),
                SelfPay = row.Amount(SelfPay),
            };
            if (!settlement.IsBalanced)
            {
                throw new RosterRowException($"各项报销（{settlement.TotalReimbursement:0.00}元）加{SelfPay}（{settlement.SelfPay:0.00}元）不等于{TotalBill}（{settlement.TotalBill:0.00}元）");
            }

            return new
            {
                IdNumber = row.IdNumber(IdNumber),
                Hospital = row.Text(Hospital),
                Level = row.Choice<HospitalLevel>(Level, NameOf),
                InCounty = row.YesNo(InCounty),
                AdmittedOn = admittedOn,
                DischargedOn = dischargedOn,
                Diagnosis = row.Optional(Diagnosis),
                Settlement = settlement,
            };
        });

        var members = await context.FindMembersAsync(parsed.Select(item => item.Value.IdNumber), cancellationToken);
        var memberIds = members.Values.Select(member => member.Id).ToList();
        var existing = await context.Db.Set<InpatientStay>().Where(stay => memberIds.Contains(stay.MemberId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(stay => (stay.MemberId, stay.AdmittedOn, stay.HospitalName));

        return ImportEach(parsed, problems, value =>
        {
            var member = context.RequireMember(members, value.IdNumber, IdNumber);
            var key = (member.Id, value.AdmittedOn, value.Hospital);
            if (!byKey.TryGetValue(key, out var stay))
            {
                stay = new InpatientStay { MemberId = member.Id, AdmittedOn = value.AdmittedOn, HospitalName = value.Hospital, Settlement = value.Settlement };
                context.Db.Add(stay);
                byKey[key] = stay;
            }

            stay.HospitalLevel = value.Level;
            stay.InCounty = value.InCounty;
            stay.DischargedOn = value.DischargedOn;
            stay.Diagnosis = value.Diagnosis;

            // A record compares by value: an unchanged settlement is not written again.
            if (stay.Settlement != value.Settlement)
            {
                stay.Settlement = value.Settlement;
            }
        });
    }
}
