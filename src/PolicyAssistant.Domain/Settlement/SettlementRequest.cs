namespace PolicyAssistant.Domain.Settlement;

/// <summary>What is known about a hospital bill when a patient asks “能报多少”.</summary>
public sealed record SettlementRequest
{
    /// <summary>Bills above this are surely a typing slip; the estimator refuses them.</summary>
    public const decimal MaximumBill = 100_000_000m;

    public required decimal TotalBill { get; init; }

    /// <summary>政策范围内费用; when unknown, the policy set's default share of the bill is assumed.</summary>
    public decimal? CoveredCost { get; init; }

    public required HospitalLevel HospitalLevel { get; init; }

    public bool InCounty { get; init; } = true;

    public bool HasReferral { get; init; }

    public bool DesignatedHospital { get; init; } = true;

    /// <summary>急救、抢救: a non-designated hospital is then treated as designated.</summary>
    public bool Emergency { get; init; }

    public required bool IsRegisteredPoor { get; init; }

    public CareSetting Care { get; init; } = CareSetting.Inpatient;

    public ExclusionReason? Exclusion { get; init; }

    /// <summary>What each scheme already paid this year, counted against its annual cap.</summary>
    public SettlementYearToDate YearToDate { get; init; } = SettlementYearToDate.None;

    /// <summary>Problems in words a patient understands; empty when the request can be estimated.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TotalBill <= 0m)
        {
            problems.Add("总费用必须大于0元。");
        }
        else if (TotalBill > MaximumBill)
        {
            problems.Add("总费用超出了可以估算的范围，请核对金额。");
        }

        if (CoveredCost is { } covered && (covered < 0m || covered > TotalBill))
        {
            problems.Add("政策范围内费用应在0元到总费用之间。");
        }

        if (HasFractionOfFen(TotalBill) || CoveredCost is { } c && HasFractionOfFen(c))
        {
            problems.Add("金额最多精确到分。");
        }

        if (!Enum.IsDefined(HospitalLevel) || !Enum.IsDefined(Care) || Exclusion is { } reason && !Enum.IsDefined(reason))
        {
            problems.Add("医院级别、就诊类型或不予报销的情形无法识别。");
        }

        return problems;
    }

    // Rounding, not amount * 100: that overflows near decimal.MaxValue, and any amount may arrive here.
    private static bool HasFractionOfFen(decimal amount) => decimal.Round(amount, 2) != amount;
}

public sealed record SettlementYearToDate(
    decimal BasicInsurance = 0m,
    decimal CriticalIllnessInsurance = 0m,
    decimal SupplementaryInsurance = 0m,
    decimal MedicalAssistance = 0m)
{
    public static readonly SettlementYearToDate None = new();
}
