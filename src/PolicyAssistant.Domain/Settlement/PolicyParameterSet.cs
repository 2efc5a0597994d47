namespace PolicyAssistant.Domain.Settlement;

/// <summary>
/// The settlement rules of one county for one period, read from <c>content/policies/{county}-{year}.json</c>.
/// Rates are fractions (0.85 = 85%), money is yuan.
/// </summary>
public sealed record PolicyParameterSet(
    string CountyCode,
    string CountyName,
    int Year,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    IReadOnlyList<PolicySource> Sources,
    PolicyFigure DefaultCoveredShare,
    BasicInsurancePolicy BasicInsurance,
    CriticalIllnessInsurancePolicy CriticalIllnessInsurance,
    SupplementaryInsurancePolicy? SupplementaryInsurance,
    MedicalAssistancePolicy MedicalAssistance,
    SafetyNetPolicy SafetyNet,
    TownshipHealthCenterPolicy? TownshipHealthCenter,
    IReadOnlyList<ExclusionRule> Exclusions,
    string? Note = null)
{
    public string Key => $"{CountyCode}-{Year}";

    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    public ExclusionRule ExclusionFor(ExclusionReason reason) =>
        Exclusions.FirstOrDefault(rule => rule.Reason == reason)
        ?? throw new InvalidOperationException($"Policy set {Key} has no rule for exclusion {reason}.");

    /// <summary>Every figure with its path in the file, for validation and for telling users which numbers are only examples.</summary>
    public IEnumerable<NamedFigure> Figures()
    {
        yield return new("defaultCoveredShare", DefaultCoveredShare, FigureKind.Fraction);
        foreach (var level in Enum.GetValues<HospitalLevel>())
        {
            var figures = BasicInsurance.Levels.For(level);
            var path = $"basicInsurance.levels.{JsonName(level.ToString())}";
            yield return new($"{path}.deductible", figures.Deductible, FigureKind.Money);
            yield return new($"{path}.rate", figures.Rate, FigureKind.Fraction);
            yield return new($"{path}.unreferredOutOfCountyRate", figures.UnreferredOutOfCountyRate, FigureKind.Fraction);
        }

        yield return new("basicInsurance.annualCap", BasicInsurance.AnnualCap, FigureKind.Money);
        yield return new("basicInsurance.registeredPoorRateBonus", BasicInsurance.RegisteredPoorRateBonus, FigureKind.Fraction);

        var critical = CriticalIllnessInsurance;
        yield return new("criticalIllnessInsurance.deductible", critical.Deductible, FigureKind.Money);
        yield return new("criticalIllnessInsurance.registeredPoorDeductibleFactor", critical.RegisteredPoorDeductibleFactor, FigureKind.Fraction);
        for (var i = 0; i < critical.Bands.Count; i++)
        {
            if (critical.Bands[i].UpTo is { } upTo)
            {
                yield return new($"criticalIllnessInsurance.bands[{i}].upTo", upTo, FigureKind.Money);
            }

            yield return new($"criticalIllnessInsurance.bands[{i}].rate", critical.Bands[i].Rate, FigureKind.Fraction);
        }

        yield return new("criticalIllnessInsurance.registeredPoorRateBonus", critical.RegisteredPoorRateBonus, FigureKind.Fraction);
        yield return new("criticalIllnessInsurance.annualCap", critical.AnnualCap, FigureKind.Money);

        if (SupplementaryInsurance is { } supplementary)
        {
            yield return new("supplementaryInsurance.deductible", supplementary.Deductible, FigureKind.Money);
            yield return new("supplementaryInsurance.rate", supplementary.Rate, FigureKind.Fraction);
            yield return new("supplementaryInsurance.annualCap", supplementary.AnnualCap, FigureKind.Money);
        }

        yield return new("medicalAssistance.rate", MedicalAssistance.Rate, FigureKind.Fraction);
        yield return new("medicalAssistance.annualCap", MedicalAssistance.AnnualCap, FigureKind.Money);
        yield return new("safetyNet.targetRatio", SafetyNet.TargetRatio, FigureKind.Fraction);
        if (TownshipHealthCenter is { } township)
        {
            yield return new("townshipHealthCenter.healthCenterShare", township.HealthCenterShare, FigureKind.Fraction);
            yield return new("townshipHealthCenter.countyFinanceShare", township.CountyFinanceShare, FigureKind.Fraction);
        }
    }

    /// <summary>True when any figure is an example a county still has to confirm.</summary>
    public bool HasExampleFigures => Figures().Any(named => named.Figure.Basis == PolicyBasis.Example);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

public enum FigureKind
{
    /// <summary>A rate or share between 0 and 1.</summary>
    Fraction,

    /// <summary>Yuan.</summary>
    Money,
}

public sealed record NamedFigure(string Path, PolicyFigure Figure, FigureKind Kind);

/// <summary>A document a policy file rests on; seed figures name it by <see cref="Id"/>.</summary>
public sealed record PolicySource(string Id, string Title);

/// <summary>基本医保: per hospital level, plus the registered-poor bonus and the annual cap.</summary>
public sealed record BasicInsurancePolicy(
    BasicInsuranceLevels Levels,
    PolicyFigure AnnualCap,
    PolicyFigure RegisteredPoorRateBonus);

public sealed record BasicInsuranceLevels(
    BasicInsuranceLevel Township,
    BasicInsuranceLevel County,
    BasicInsuranceLevel City,
    BasicInsuranceLevel Province)
{
    public BasicInsuranceLevel For(HospitalLevel level) => level switch
    {
        HospitalLevel.Township => Township,
        HospitalLevel.County => County,
        HospitalLevel.City => City,
        HospitalLevel.Province => Province,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}

/// <param name="UnreferredOutOfCountyRate">The lower rate paid out of county without a referral.</param>
public sealed record BasicInsuranceLevel(PolicyFigure Deductible, PolicyFigure Rate, PolicyFigure UnreferredOutOfCountyRate);

/// <summary>大病保险: paid on the covered self-pay left after basic insurance, above its own deductible, by bands.</summary>
public sealed record CriticalIllnessInsurancePolicy(
    PolicyFigure Deductible,
    PolicyFigure RegisteredPoorDeductibleFactor,
    IReadOnlyList<CriticalIllnessBand> Bands,
    PolicyFigure RegisteredPoorRateBonus,
    PolicyFigure AnnualCap);

/// <param name="UpTo">Upper bound of the band, counted on the amount above the deductible; null for the last band.</param>
public sealed record CriticalIllnessBand(PolicyFigure Rate, PolicyFigure? UpTo = null);

/// <summary>大病补充保险 / 商业补充保险: optional, paid on what is left after critical-illness insurance.</summary>
public sealed record SupplementaryInsurancePolicy(
    string Name,
    bool RegisteredPoorOnly,
    PolicyFigure Deductible,
    PolicyFigure Rate,
    PolicyFigure AnnualCap);

/// <summary>民政医疗救助 for the registered poor: a share of the covered self-pay still left.</summary>
public sealed record MedicalAssistancePolicy(PolicyFigure Rate, PolicyFigure AnnualCap);

/// <summary>兜底保障: tops reimbursement up to <see cref="TargetRatio"/> of the whole bill.</summary>
public sealed record SafetyNetPolicy(PolicyFigure TargetRatio);

/// <summary>In-county 乡镇卫生院 stays: the remaining self-pay is split between the health center and county finance.</summary>
public sealed record TownshipHealthCenterPolicy(PolicyFigure HealthCenterShare, PolicyFigure CountyFinanceShare);

/// <summary>Which schemes refuse a bill for a given reason, and the sentence that tells the patient.</summary>
public sealed record ExclusionRule(
    ExclusionReason Reason,
    string Description,
    IReadOnlyList<SettlementScheme> Excludes,
    PolicyBasis Basis,
    string? Source = null,
    string? Clause = null,
    string? Note = null) : IPolicyProvenance;
