namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>成员: one row per person, the head included or not. Natural key: the member's ID number.</summary>
public sealed class MemberSheet : RosterSheet
{
    public const string HeadIdNumber = "户主身份证号";
    public const string MemberName = "姓名";
    public const string IdNumber = "身份证号";
    public const string Relation = "与户主关系";
    public const string Phone = "联系电话";
    public const string PolicyLiterate = "政策明白人";

    public override string Name => "成员";

    public override IReadOnlyList<string> Columns { get; } = [HeadIdNumber, MemberName, IdNumber, Relation, Phone, PolicyLiterate];

    public override IReadOnlyList<object?> Example { get; } = ["450223196505120013", "李秀英", "450223196708230028", "配偶", "13907725678", "是"];

    public override string? DuplicateKey(RosterRow row) => IdKey(row, IdNumber);

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row => new
        {
            Head = row.IdNumber(HeadIdNumber),
            Name = row.Text(MemberName),
            IdNumber = row.IdNumber(IdNumber),
            Relation = row.Choice<RelationToHead>(Relation, ChineseNames.Of),
            Phone = row.Phone(Phone),
            PolicyLiterate = row.YesNo(PolicyLiterate),
        });

        var heads = await context.FindMembersAsync(parsed.Select(item => item.Value.Head), cancellationToken);
        var hashes = parsed.Select(item => context.Protector.HashOf(item.Value.IdNumber)).ToList();
        var existing = await context.Db.Set<Member>().Where(member => hashes.Contains(member.IdNumberHash)).ToDictionaryAsync(member => member.IdNumberHash, cancellationToken);

        return ImportEach(parsed, problems, value =>
        {
            var household = context.RequireHousehold(heads, value.Head, HeadIdNumber);
            if ((value.Relation == RelationToHead.Self) != value.IdNumber.Equals(value.Head))
            {
                throw new RosterRowException(value.Relation == RelationToHead.Self
                    ? $"与户主关系为“本人”，但{IdNumber}与{HeadIdNumber}不同"
                    : $"{IdNumber}与{HeadIdNumber}相同，与户主关系应为“本人”");
            }

            if (!existing.TryGetValue(context.Protector.HashOf(value.IdNumber), out var member))
            {
                member = Member.Create(value.Name, value.Relation, value.IdNumber, value.Phone, context.Protector);
                member.HouseholdId = household.HouseholdId;
                context.Db.Add(member);
            }
            else if (member.HouseholdId != household.HouseholdId)
            {
                throw new RosterRowException($"成员重复：{IdNumber}{value.IdNumber.Masked}已登记在另一户");
            }
            else
            {
                member.Name = value.Name;
                member.RelationToHead = value.Relation;
                context.UpdatePhone(member, value.Phone);
            }

            member.IsPolicyLiterateMember = value.PolicyLiterate;
        });
    }
}
