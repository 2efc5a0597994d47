
namespace PolicyAssistant.Application.Households;

/// <summary>A member of the bound user's household, as the chat shows them: 王*芳（母亲）.</summary>
public sealed record HouseholdPerson(int MemberId, string Name, RelationToHead Relation, Sex Sex)
{
    public string Label => $"{PersonName.Mask(Name)}（{ChineseNames.Of(Relation)}）";
}

public static class HouseholdPeople
{
    /// <summary>The members of one household, head first.</summary>
    public static async Task<IReadOnlyList<HouseholdPerson>> LoadAsync(PolicyAssistantDbContext db, int householdId, CancellationToken cancellationToken)
    {
        var people = await db.Set<Member>().AsNoTracking()
            .Where(member => member.HouseholdId == householdId)
            .OrderBy(member => member.Id)
            .Select(member => new HouseholdPerson(member.Id, member.Name, member.RelationToHead, member.Sex))
            .ToListAsync(cancellationToken);
        return people.OrderBy(person => person.Relation != RelationToHead.Self).ToList();
    }
}
