using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Domain.Households;

/// <summary>A hospital stay and how its bill was settled at discharge (出院费用结算).</summary>
public sealed class InpatientStay
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    public required string HospitalName { get; set; }

    public HospitalLevel HospitalLevel { get; set; }

    public bool InCounty { get; set; }

    public bool HasReferral { get; set; }

    public bool IsDesignatedHospital { get; set; } = true;

    public bool IsEmergency { get; set; }

    public DateOnly AdmittedOn { get; set; }

    public DateOnly DischargedOn { get; set; }

    public string? Diagnosis { get; set; }

    public ExclusionReason? Exclusion { get; set; }

    public required SettlementBreakdown Settlement { get; set; }

    /// <summary>The estimator's question for this stay, to check a statement or to estimate one.</summary>
    public SettlementRequest ToSettlementRequest(bool isRegisteredPoor) => new()
    {
        TotalBill = Settlement.TotalBill,
        CoveredCost = Settlement.CoveredCost,
        HospitalLevel = HospitalLevel,
        InCounty = InCounty,
        HasReferral = HasReferral,
        DesignatedHospital = IsDesignatedHospital,
        Emergency = IsEmergency,
        IsRegisteredPoor = isRegisteredPoor,
        Exclusion = Exclusion,
    };
}
