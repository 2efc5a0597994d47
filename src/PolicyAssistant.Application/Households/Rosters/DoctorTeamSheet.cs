namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>签约团队: the family-doctor teams. Natural key: the township and the team's name.</summary>
public sealed class DoctorTeamSheet : RosterSheet
{
    public const string County = "县（区）";
    public const string Township = "乡镇";
    public const string TeamName = "团队名称";
    public const string Institution = "所属机构";
    public const string InstitutionKind = "机构类型";
    public const string Phone = "服务电话";

    public override string Name => "签约团队";

    public override IReadOnlyList<string> Columns { get; } = [County, Township, TeamName, Institution, InstitutionKind, Phone];

    public override IReadOnlyList<object?> Example { get; } = ["鹿寨县", "白沙镇", "白沙镇卫生院第一团队", "白沙镇卫生院", "乡镇卫生院", "0772-6812345"];

    public override string? DuplicateKey(RosterRow row) => Key(row.Optional(County), row.Optional(Township), row.Optional(TeamName));

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row =>
        {
            var township = context.Regions.RequireTownship(row.Text(County), row.Text(Township));
            context.RequireInScope(township);
            return new
            {
                TownshipId = township.Id,
                Name = row.Text(TeamName),
                Institution = row.Text(Institution),
                Kind = row.Choice<HealthInstitutionKind>(InstitutionKind, ChineseNames.Of),
                Phone = row.Text(Phone),
            };
        });

        var townships = parsed.Select(item => item.Value.TownshipId).Distinct().ToList();
        var existing = await context.Db.Set<DoctorTeam>()
            .Where(team => townships.Contains(team.TownshipId))
            .ToDictionaryAsync(team => (team.TownshipId, team.Name), cancellationToken);
        foreach (var (_, value) in parsed)
        {
            if (!existing.TryGetValue((value.TownshipId, value.Name), out var team))
            {
                team = new DoctorTeam { TownshipId = value.TownshipId, Name = value.Name, Institution = value.Institution, Phone = value.Phone };
                context.Db.Add(team);
            }

            team.Institution = value.Institution;
            team.InstitutionKind = value.Kind;
            team.Phone = value.Phone;
        }

        return parsed.Count;
    }
}
