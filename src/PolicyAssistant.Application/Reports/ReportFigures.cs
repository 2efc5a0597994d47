using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Reports;

/// <summary>The figures of the dashboard, each with its target from the seed documents.</summary>
public enum FigureKind
{
    HealthRecords,
    Contracts,
    ChronicManagement,
    FollowUpsOnSchedule,
    InCountyReimbursement,
    SafetyNet,
}

/// <summary>What the dashboard is narrowed to: the staff member's scope, a region picked by name, a month.</summary>
public sealed record ReportFilter(StaffScope Scope, RegionPick? Region, int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Stock figures (records, contracts, certifications) are taken as they stood on this day.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
}

/// <summary>
/// One figure: <see cref="Met"/> of <see cref="Counted"/> (people or stays), or for the reimbursement ratio the
/// amounts; <see cref="Value"/> is null when nothing was counted.
/// </summary>
public sealed record Figure(FigureKind Kind, string Name, string Target, decimal? TargetValue, string Unit, int Counted, int Met, decimal? Value, string Definition)
{
    public bool? MeetsTarget => Value is { } value && TargetValue is { } target ? value >= target : null;
}

/// <summary>A row of one figure's underlying data: who it is about and whether it meets the figure's rule.</summary>
public sealed class CountedRow
{
    public int HouseholdId { get; set; }

    public bool Met { get; set; }

    public decimal Bill { get; set; }

    public decimal SelfPay { get; set; }
}

/// <summary>
/// The definitions, written once as queries over the filtered households, so the totals, the household lists
/// behind them and the benchmark all count the same rows. People and stays are those of registered poor households.
/// </summary>
public static class FigureDefinitions
{
    public static readonly IReadOnlyList<FigureKind> All = Enum.GetValues<FigureKind>();

    public static (string Name, string Target, decimal? TargetValue, string Unit, string Definition) Describe(FigureKind kind) => kind switch
    {
        FigureKind.HealthRecords => ("电子健康档案建档率", "≥95%（种子文件001）", 0.95m, "人",
            "建档立卡贫困人口中，到月底已建立电子健康档案的人数占比。"),
        FigureKind.Contracts => ("家庭医生签约服务率", "100%（种子文件001）", 1m, "人",
            "建档立卡贫困人口中，月底有在期签约（签约全户或本人）的人数占比。"),
        FigureKind.ChronicManagement => ("慢病患者健康管理率", "100%（种子文件001）", 1m, "人",
            "到月底已确认门诊慢病的贫困患者中，在签约期内、且近12个月内有随访记录的人数占比。"),
        FigureKind.FollowUpsOnSchedule => ("慢病随访按时率", "每月1次（种子文件000）", 1m, "人",
            "到月底已确认门诊慢病的贫困患者中，本月有随访记录的人数占比。"),
        FigureKind.InCountyReimbursement => ("县域内实际报销比例", "≥90%（种子文件001）；参考：87.86%（种子文件004）", 0.9m, "人次",
            "本月出院的贫困患者县域内住院：各项报销合计占住院总费用的比例。"),
        FigureKind.SafetyNet => ("兜底保障达标率", "100%：个人自付≤10%（种子文件001）", 1m, "人次",
            "本月出院的贫困患者住院中，个人自付不超过总费用10%的人次占比。"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IQueryable<CountedRow> Rows(PolicyAssistantDbContext db, FigureKind kind, ReportFilter filter) => kind switch
    {
        FigureKind.HealthRecords => People(db, filter).Select(p => new CountedRow { HouseholdId = p.HouseholdId, Met = p.RecordOpened }),
        FigureKind.Contracts => People(db, filter).Select(p => new CountedRow { HouseholdId = p.HouseholdId, Met = p.Contracted }),
        FigureKind.ChronicManagement => People(db, filter).Where(p => p.Certified).Select(p => new CountedRow { HouseholdId = p.HouseholdId, Met = p.Contracted && p.FollowedUpInYear }),
        FigureKind.FollowUpsOnSchedule => People(db, filter).Where(p => p.Certified).Select(p => new CountedRow { HouseholdId = p.HouseholdId, Met = p.FollowedUpInMonth }),
        FigureKind.InCountyReimbursement => Stays(db, filter).Where(s => s.InCounty).Select(s => new CountedRow { HouseholdId = s.HouseholdId, Met = true, Bill = s.Bill, SelfPay = s.SelfPay }),
        FigureKind.SafetyNet => Stays(db, filter).Select(s => new CountedRow { HouseholdId = s.HouseholdId, Met = s.SelfPayWithinTenth }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Each person of the filtered registered poor households with every rule the person figures test, for the month.</summary>
    public static IQueryable<PersonFacts> People(PolicyAssistantDbContext db, ReportFilter filter)
    {
        var last = filter.LastDay;
        var first = filter.FirstDay;
        var yearBefore = last.AddYears(-1);
        return Households(db, filter).SelectMany(h => h.Members).Select(m => new PersonFacts
        {
            HouseholdId = m.HouseholdId,
            RecordOpened = m.HealthRecordOpenedOn <= last,
            // The contracts looked up by household id, not through the navigation: a join would make EF Core split the grouped counts into subqueries.
            Contracted = db.Set<DoctorContract>().Any(c => c.HouseholdId == m.HouseholdId && (c.MemberId == null || c.MemberId == m.Id) && c.Status == DoctorContractStatus.Active && c.TermStart <= last && c.TermEnd >= last),
            Certified = m.ChronicCertifications.Any(c => c.Status == CertificationStatus.Certified && c.DecidedOn <= last),
            FollowedUpInYear = m.FollowUps.Any(f => f.Date > yearBefore && f.Date <= last),
            FollowedUpInMonth = m.FollowUps.Any(f => f.Date >= first && f.Date <= last),
        });
    }

    /// <summary>The stays of the filtered registered poor households' people discharged in the month.</summary>
    public static IQueryable<StayFacts> Stays(PolicyAssistantDbContext db, ReportFilter filter)
    {
        var first = filter.FirstDay;
        var last = filter.LastDay;
        return Households(db, filter).SelectMany(h => h.Members).SelectMany(m => m.InpatientStays)
            .Where(s => s.DischargedOn >= first && s.DischargedOn <= last)
            .Select(s => new StayFacts
            {
                HouseholdId = s.Member!.HouseholdId,
                InCounty = s.InCounty,
                Bill = s.Settlement.TotalBill,
                SelfPay = s.Settlement.SelfPay,
                SelfPayWithinTenth = (double)s.Settlement.SelfPay * 10 <= (double)s.Settlement.TotalBill,
            });
    }

    private static IQueryable<Household> Households(PolicyAssistantDbContext db, ReportFilter filter) =>
        db.Set<Household>().AsNoTracking().WithinScope(filter.Scope, filter.Region).Where(h => h.IsRegisteredPoor);
}

/// <summary>A person and the rules of the person figures, as <see cref="FigureDefinitions.People"/> works them out.</summary>
public sealed class PersonFacts
{
    public int HouseholdId { get; set; }

    public bool RecordOpened { get; set; }

    public bool Contracted { get; set; }

    public bool Certified { get; set; }

    public bool FollowedUpInYear { get; set; }

    public bool FollowedUpInMonth { get; set; }
}

/// <summary>A stay and its amounts, as <see cref="FigureDefinitions.Stays"/> works them out.</summary>
public sealed class StayFacts
{
    public int HouseholdId { get; set; }

    public bool InCounty { get; set; }

    public decimal Bill { get; set; }

    public decimal SelfPay { get; set; }

    public bool SelfPayWithinTenth { get; set; }
}
