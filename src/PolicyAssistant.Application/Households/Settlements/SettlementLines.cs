using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Settlements;

/// <summary>A settlement as a phone shows it: one line per scheme that paid, then self-pay and the actual ratio.</summary>
public static class SettlementLines
{
    public static IEnumerable<string> Of(SettlementBreakdown breakdown)
    {
        yield return $"总费用 {Yuan.Format(breakdown.TotalBill)}（政策范围内 {Yuan.Format(breakdown.CoveredCost)}）";
        foreach (var (name, amount) in Payments(breakdown))
        {
            if (amount != 0m)
            {
                yield return $"{name} {Yuan.Format(amount)}";
            }
        }

        yield return $"个人自付 {Yuan.Format(breakdown.SelfPay)}，实际报销比例 {Yuan.Percent(breakdown.ActualReimbursementRatio)}";
    }

    private static IEnumerable<(string Name, decimal Amount)> Payments(SettlementBreakdown breakdown) =>
    [
        ("基本医保", breakdown.BasicInsurance),
        ("大病保险", breakdown.CriticalIllnessInsurance),
        ("补充保险", breakdown.SupplementaryInsurance),
        ("医疗救助", breakdown.MedicalAssistance),
        ("兜底保障", breakdown.SafetyNet),
        ("乡镇卫生院减免", breakdown.TownshipHealthCenterShare),
        ("县财政兜底", breakdown.CountyFinanceShare),
    ];
}
