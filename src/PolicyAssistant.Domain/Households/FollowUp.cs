namespace PolicyAssistant.Domain.Households;

public enum FollowUpKind
{
    FaceToFace,
    Phone,
}

/// <summary>随访: one visit or call to a chronic patient, with when the next one is due.</summary>
public sealed class FollowUp
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    public DateOnly Date { get; set; }

    public FollowUpKind Kind { get; set; }

    /// <summary>The contracted team that made the visit (imported rosters name the team, not the doctor).</summary>
    public int? DoctorTeamId { get; set; }

    public DoctorTeam? DoctorTeam { get; set; }

    public int? FamilyDoctorId { get; set; }

    public FamilyDoctor? FamilyDoctor { get; set; }

    public required string Findings { get; set; }

    public DateOnly? NextDueOn { get; set; }

    /// <summary>When the next follow-up of a patient is due (set by the latest visit) and whether that day has passed.</summary>
    public static FollowUpDue? NextDue(IEnumerable<FollowUp> followUps, DateOnly today)
    {
        var latest = followUps.MaxBy(followUp => followUp.Date);
        return latest?.NextDueOn is { } due ? new FollowUpDue(due, due < today) : null;
    }
}

public sealed record FollowUpDue(DateOnly DueOn, bool IsOverdue);
