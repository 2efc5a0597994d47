
namespace PolicyAssistant.Application.Households;

/// <summary>A member of the bound user's household, as the chat shows them: 王*芳（母亲）.</summary>
public sealed record HouseholdMember(int MemberId, string Name, RelationToHead Relation, Sex Sex)
{
    public string Label => $"{PersonName.Mask(Name)}（{ChineseNames.Of(Relation)}）";
}

public static class HouseholdMembers
{
    /// <summary>The members of one household, head first.</summary>
    public static async Task<IReadOnlyList<HouseholdMember>> LoadAsync(PolicyAssistantDbContext db, int householdId, CancellationToken cancellationToken)
    {
        var members = await db.Set<Member>().AsNoTracking()
            .Where(member => member.HouseholdId == householdId)
            .OrderBy(member => member.Id)
            .Select(member => new HouseholdMember(member.Id, member.Name, member.RelationToHead, member.Sex))
            .ToListAsync(cancellationToken);
        return members.OrderBy(member => member.Relation != RelationToHead.Self).ToList();
    }
}
