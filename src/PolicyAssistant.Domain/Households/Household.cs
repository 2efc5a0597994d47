using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Domain.Households;

/// <summary>A household; <see cref="IsRegisteredPoor"/> marks 建档立卡贫困户. Its region is a village.</summary>
public sealed class Household
{
    public int Id { get; set; }

    public int VillageId { get; set; }

    public Region? Village { get; set; }

    /// <summary>The address below the village (组, house number).</summary>
    public required string Address { get; set; }

    public bool IsRegisteredPoor { get; set; }

    public List<Member> Members { get; set; } = [];

    public List<DoctorContract> DoctorContracts { get; set; } = [];

    /// <summary>户主: the member whose relation to the head is 本人 (needs <see cref="Members"/> loaded).</summary>
    public Member? Head => Members.FirstOrDefault(member => member.RelationToHead == RelationToHead.Self);
}

/// <summary>与户主关系.</summary>
public enum RelationToHead
{
    Self,
    Spouse,
    Son,
    Daughter,
    Father,
    Mother,
    DaughterInLaw,
    SonInLaw,
    Grandson,
    Granddaughter,
    Sibling,
    Other,
}
