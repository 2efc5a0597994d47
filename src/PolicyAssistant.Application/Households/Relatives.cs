
namespace PolicyAssistant.Application.Households;

/// <summary>Kin words a household uses for each other: 我妈, 俺娘, 老伴, 孩子, 孙子 ….</summary>
public enum KinTerm
{
    Self,
    Mother,
    Father,
    Spouse,
    Child,
    Son,
    Daughter,

    /// <summary>儿媳, 女婿.</summary>
    ChildInLaw,
    Grandchild,
}

/// <summary>Whom a message is about, among the bound user's household.</summary>
public abstract record RelativeMatch
{
    private RelativeMatch()
    {
    }

    /// <summary>Nobody named: the question is about the whole household.</summary>
    public sealed record Household : RelativeMatch;

    /// <summary>Somebody named; one candidate is an answer, several (or none that fit) need a choice.</summary>
    public sealed record Named(IReadOnlyList<HouseholdMember> Candidates) : RelativeMatch;
}

/// <summary>
/// Finds the relative a message names, relative to the member who is talking (so 我妈 of the head is the
/// head's mother, 我妈 of a son is the head or the head's spouse), by generation and sex. Only the
/// household's own members are ever candidates.
/// </summary>
public static class Relatives
{
    // Longer words first: 孩子他妈 before 孩子 and 妈, 儿媳 before 媳妇, 姑娘 before 娘.
    private static readonly (string Word, KinTerm Term)[] Words =
    [
        ("孩子他爸", KinTerm.Spouse), ("孩子他妈", KinTerm.Spouse), ("孩子他爹", KinTerm.Spouse), ("孩子他娘", KinTerm.Spouse),
        ("孩他爸", KinTerm.Spouse), ("孩他妈", KinTerm.Spouse), ("娃他爸", KinTerm.Spouse), ("娃他妈", KinTerm.Spouse),
        ("我自己", KinTerm.Self), ("我本人", KinTerm.Self), ("儿媳", KinTerm.ChildInLaw), ("女婿", KinTerm.ChildInLaw),
        ("老伴", KinTerm.Spouse), ("老婆", KinTerm.Spouse), ("老公", KinTerm.Spouse), ("媳妇", KinTerm.Spouse),
        ("爱人", KinTerm.Spouse), ("丈夫", KinTerm.Spouse), ("妻子", KinTerm.Spouse), ("对象", KinTerm.Spouse),
        ("孙子", KinTerm.Grandchild), ("孙女", KinTerm.Grandchild), ("外孙", KinTerm.Grandchild),
        ("儿子", KinTerm.Son), ("女儿", KinTerm.Daughter), ("闺女", KinTerm.Daughter), ("姑娘", KinTerm.Daughter),
        ("孩子", KinTerm.Child), ("小孩", KinTerm.Child), ("子女", KinTerm.Child), ("娃", KinTerm.Child),
        ("母亲", KinTerm.Mother), ("父亲", KinTerm.Father), ("本人", KinTerm.Self),
        ("妈", KinTerm.Mother), ("娘", KinTerm.Mother), ("爸", KinTerm.Father), ("爹", KinTerm.Father),
    ];

    public static KinTerm? FindTerm(string text)
    {
        foreach (var (word, term) in Words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>A member named in full in the text, or a kin word resolved from <paramref name="speakerId"/>.</summary>
    public static RelativeMatch Match(string text, int speakerId, IReadOnlyList<HouseholdMember> household)
    {
        var byName = household.Where(person => person.Name.Length >= 2 && text.Contains(person.Name, StringComparison.Ordinal)).ToList();
        if (byName.Count > 0)
        {
            return new RelativeMatch.Named(byName);
        }

        if (FindTerm(text) is not { } term)
        {
            return new RelativeMatch.Household();
        }

        var speaker = household.FirstOrDefault(person => person.MemberId == speakerId);
        return new RelativeMatch.Named(speaker is null ? [] : Resolve(term, speaker, household));
    }

    public static IReadOnlyList<HouseholdMember> Resolve(KinTerm term, HouseholdMember speaker, IReadOnlyList<HouseholdMember> household)
    {
        if (term == KinTerm.Self)
        {
            return [speaker];
        }

        if (Generation(speaker.Relation) is not { } own)
        {
            return [];
        }

        var others = household.Where(person => person.MemberId != speaker.MemberId).ToList();
        return term switch
        {
            KinTerm.Mother => others.Where(p => Generation(p.Relation) == own + 1 && p.Sex == Sex.Female).ToList(),
            KinTerm.Father => others.Where(p => Generation(p.Relation) == own + 1 && p.Sex == Sex.Male).ToList(),
            KinTerm.Spouse => others.Where(p => AreCouple(speaker.Relation, p.Relation)).ToList(),
            KinTerm.Child => others.Where(p => IsChildOf(speaker, p, own)).ToList(),
            KinTerm.Son => others.Where(p => IsChildOf(speaker, p, own) && p.Sex == Sex.Male).ToList(),
            KinTerm.Daughter => others.Where(p => IsChildOf(speaker, p, own) && p.Sex == Sex.Female).ToList(),
            KinTerm.ChildInLaw => others.Where(p => Generation(p.Relation) == own - 1 && p.Relation is RelationToHead.DaughterInLaw or RelationToHead.SonInLaw).ToList(),
            KinTerm.Grandchild => others.Where(p => Generation(p.Relation) == own - 2).ToList(),
            _ => [],
        };
    }

    /// <summary>Generations above (+) or below (−) the head; null when the relation says nothing.</summary>
    private static int? Generation(RelationToHead relation) => relation switch
    {
        RelationToHead.Father or RelationToHead.Mother => 1,
        RelationToHead.Self or RelationToHead.Spouse or RelationToHead.Sibling => 0,
        RelationToHead.Son or RelationToHead.Daughter or RelationToHead.DaughterInLaw or RelationToHead.SonInLaw => -1,
        RelationToHead.Grandson or RelationToHead.Granddaughter => -2,
        _ => null,
    };

    // A child-in-law is not "my child"; the speaker's own children are one generation down.
    private static bool IsChildOf(HouseholdMember speaker, HouseholdMember person, int own) =>
        Generation(person.Relation) == own - 1
        && (own != 0 || person.Relation is not (RelationToHead.DaughterInLaw or RelationToHead.SonInLaw))
        && speaker.Relation != RelationToHead.Sibling;

    private static bool AreCouple(RelationToHead a, RelationToHead b) => (a, b) switch
    {
        (RelationToHead.Self, RelationToHead.Spouse) or (RelationToHead.Spouse, RelationToHead.Self) => true,
        (RelationToHead.Father, RelationToHead.Mother) or (RelationToHead.Mother, RelationToHead.Father) => true,
        (RelationToHead.Son, RelationToHead.DaughterInLaw) or (RelationToHead.DaughterInLaw, RelationToHead.Son) => true,
        (RelationToHead.Daughter, RelationToHead.SonInLaw) or (RelationToHead.SonInLaw, RelationToHead.Daughter) => true,
        _ => false,
    };
}
