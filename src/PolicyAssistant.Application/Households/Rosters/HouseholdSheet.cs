namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>户: one row per household, with its head. Natural key: the head's ID number.</summary>
public sealed class HouseholdSheet : RosterSheet
{
    public const string County = "县（区）";
    public const string Township = "乡镇";
    public const string Village = "村";
    public const string Address = "地址";
    public const string HeadName = "户主姓名";
    public const string HeadIdNumber = "户主身份证号";
    public const string HeadPhone = "户主联系电话";
    public const string RegisteredPoor = "建档立卡贫困户";

    public override string Name => "户";

    public override IReadOnlyList<string> Columns { get; } = [County, Township, Village, Address, HeadName, HeadIdNumber, HeadPhone, RegisteredPoor];

    public override IReadOnlyList<object?> Example { get; } = ["鹿寨县", "白沙镇", "石门村", "三组12号", "王建国", "450223196505120013", "13807721234", "是"];

    public override string? DuplicateKey(RosterRow row) => IdKey(row, HeadIdNumber);

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row =>
        {
            var village = context.Regions.RequireVillage(row.Text(County), row.Text(Township), row.Text(Village));
            context.RequireInScope(village);
            return new
            {
                village,
                Address = row.Text(Address),
                Name = row.Text(HeadName),
                IdNumber = row.IdNumber(HeadIdNumber),
                Phone = row.Phone(HeadPhone),
                Poor = row.YesNo(RegisteredPoor),
            };
        });

        var hashes = parsed.Select(item => context.Protector.HashOf(item.Value.IdNumber)).ToList();
        var existing = await context.Db.Set<Member>()
            .Include(member => member.Household).ThenInclude(household => household!.Village)
            .Where(member => hashes.Contains(member.IdNumberHash))
            .ToDictionaryAsync(member => member.IdNumberHash, cancellationToken);

        var imported = 0;
        foreach (var (row, value) in parsed)
        {
            if (!existing.TryGetValue(context.Protector.HashOf(value.IdNumber), out var head))
            {
                head = Member.Create(value.Name, RelationToHead.Self, value.IdNumber, value.Phone, context.Protector);
                context.Db.Add(new Household { VillageId = value.village.Id, Address = value.Address, IsRegisteredPoor = value.Poor, Members = [head] });
            }
            else if (head.RelationToHead != RelationToHead.Self)
            {
                problems.Add(new RowProblem(row.Number, $"成员重复：{HeadIdNumber}{value.IdNumber.Masked}已是另一户的成员，不是户主"));
                continue;
            }
            else if (!context.Scope.Covers(head.Household!.Village!.Code))
            {
                problems.Add(new RowProblem(row.Number, $"户主身份证号为{value.IdNumber.Masked}的户已登记在您负责的地区以外"));
                continue;
            }
            else
            {
                // Values set to what they already are leave the row unchanged: a re-import writes nothing.
                var household = head.Household;
                household.VillageId = value.village.Id;
                household.Address = value.Address;
                household.IsRegisteredPoor = value.Poor;
                head.Name = value.Name;
                context.UpdatePhone(head, value.Phone);
            }

            imported++;
        }

        return imported;
    }
}
