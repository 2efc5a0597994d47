using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Domain.Households;

public enum HealthInstitutionKind
{
    /// <summary>乡镇卫生院.</summary>
    TownshipHealthCenter,

    /// <summary>村卫生室.</summary>
    VillageClinic,
}

/// <summary>家庭医生团队: a doctor, a nurse and a public-health doctor working from one institution.</summary>
public sealed class DoctorTeam
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The institution's name, e.g. “青岚镇卫生院”.</summary>
    public required string Institution { get; set; }

    public HealthInstitutionKind InstitutionKind { get; set; }

    /// <summary>The township the team serves.</summary>
    public int TownshipId { get; set; }

    public Region? Township { get; set; }

    /// <summary>The team's service phone, shown to households in full.</summary>
    public required string Phone { get; set; }

    public List<FamilyDoctor> FamilyDoctors { get; set; } = [];
}

public enum FamilyDoctorRole
{
    Doctor,
    Nurse,
    PublicHealthDoctor,
}

/// <summary>A member of a <see cref="DoctorTeam"/>. Staff work phones are printed in the household's service handbook.</summary>
public sealed class FamilyDoctor
{
    public int Id { get; set; }

    public int DoctorTeamId { get; set; }

    public DoctorTeam? DoctorTeam { get; set; }

    public required string Name { get; set; }

    public FamilyDoctorRole Role { get; set; }

    public required string Phone { get; set; }
}
