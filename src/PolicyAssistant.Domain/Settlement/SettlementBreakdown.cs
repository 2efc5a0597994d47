namespace PolicyAssistant.Domain.Settlement;

/// <summary>
/// How one hospital bill was (or would be) paid: each scheme's share and the patient's self-pay, in yuan.
/// Estimates return it and <c>InpatientStay</c> stores it, so an estimate and a statement read alike.
/// </summary>
public sealed record SettlementBreakdown
{
    public required decimal TotalBill { get; init; }

    public required decimal CoveredCost { get; init; }

    public decimal BasicInsurance { get; init; }

    public decimal CriticalIllnessInsurance { get; init; }

    public decimal SupplementaryInsurance { get; init; }

    public decimal MedicalAssistance { get; init; }

    /// <summary>兜底保障补助 from county finance (the 90% top-up).</summary>
    public decimal SafetyNet { get; init; }

    /// <summary>The township health center's half of the remaining self-pay (in-county 乡镇卫生院 stays).</summary>
    public decimal TownshipHealthCenterShare { get; init; }

    /// <summary>County finance's half of the remaining self-pay (in-county 乡镇卫生院 stays).</summary>
    public decimal CountyFinanceShare { get; init; }

    public required decimal SelfPay { get; init; }

    public decimal TotalReimbursement =>
        BasicInsurance + CriticalIllnessInsurance + SupplementaryInsurance + MedicalAssistance
        + SafetyNet + TownshipHealthCenterShare + CountyFinanceShare;

    /// <summary>实际报销比例: all reimbursement over the whole bill, as a fraction rounded to 4 places.</summary>
    public decimal ActualReimbursementRatio => TotalBill == 0m ? 0m : Math.Round(TotalReimbursement / TotalBill, 4, MidpointRounding.AwayFromZero);

    /// <summary>True when the parts add up to the bill, as every statement must.</summary>
    public bool IsBalanced => TotalReimbursement + SelfPay == TotalBill;
}
