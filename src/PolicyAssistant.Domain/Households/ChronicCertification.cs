namespace PolicyAssistant.Domain.Households;

/// <summary>慢病: the chronic diseases the seeds name for outpatient certification and contract management.</summary>
public enum ChronicDisease
{
    Hypertension,
    Type2Diabetes,
    SevereMentalIllness,
    Tuberculosis,
    CoronaryHeartDisease,
    ChronicObstructivePulmonaryDisease,
    StrokeSequelae,
    ChronicRenalFailure,
}

public enum CertificationStatus
{
    Pending,
    Certified,
    Rejected,
}

/// <summary>门诊慢性病确认: pending until the health center certifies or rejects it (seed 000, 四(三)).</summary>
public sealed class ChronicCertification
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    public ChronicDisease Disease { get; set; }

    public CertificationStatus Status { get; private set; } = CertificationStatus.Pending;

    public DateOnly AppliedOn { get; set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>Where the certification is decided, e.g. “武家庄镇卫生院”.</summary>
    public required string Institution { get; set; }

    public string? RejectionReason { get; private set; }

    /// <summary>What the patient should do next, in words for the patient (“请带诊断证明到镇卫生院复核”).</summary>
    public string? NextStep { get; set; }

    public DateOnly? NextStepDueOn { get; set; }

    public void Certify(DateOnly on, string? nextStep = null)
    {
        Decide(on);
        Status = CertificationStatus.Certified;
        NextStep = nextStep;
        NextStepDueOn = null;
    }

    public void Reject(DateOnly on, string reason, string? nextStep = null, DateOnly? nextStepDueOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Decide(on);
        Status = CertificationStatus.Rejected;
        RejectionReason = reason;
        NextStep = nextStep;
        NextStepDueOn = nextStepDueOn;
    }

    private void Decide(DateOnly on)
    {
        if (Status != CertificationStatus.Pending)
        {
            throw new InvalidOperationException("Only a pending certification can be decided.");
        }

        if (on < AppliedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(on), "A decision cannot come before the application.");
        }

        DecidedOn = on;
    }
}
