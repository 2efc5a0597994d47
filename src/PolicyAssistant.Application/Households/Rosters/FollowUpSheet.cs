namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>随访: a visit or call to a member by their contracted team. Natural key: member, date and kind.</summary>
public sealed class FollowUpSheet : RosterSheet
{
    public const string IdNumber = "身份证号";
    public const string Date = "随访日期";
    public const string Team = "签约团队";
    public const string Kind = "随访方式";
    public const string Findings = "随访情况";
    public const string NextDueOn = "下次随访日期";

    public override string Name => "随访";

    public override IReadOnlyList<string> Columns { get; } = [IdNumber, Date, Team, Kind, Findings, NextDueOn];

    public override IReadOnlyList<object?> Example { get; } = ["450223196505120013", "2024-04-12", "白沙镇卫生院第一团队", "面对面随访", "血压 135/85，按时服药", "2024-07-12"];

    public override string? DuplicateKey(RosterRow row) => Key(IdKey(row, IdNumber), row.Optional(Date), row.Optional(Kind));

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row => new
        {
            IdNumber = row.IdNumber(IdNumber),
            Date = row.Date(Date),
            Team = row.Text(Team),
            Kind = row.Choice<FollowUpKind>(Kind, ChineseNames.Of),
            Findings = row.Text(Findings),
            NextDueOn = row.OptionalDate(NextDueOn),
        });

        var members = await context.FindMembersAsync(parsed.Select(item => item.Value.IdNumber), cancellationToken);
        var teams = await context.LoadTeamsAsync(cancellationToken);
        var memberIds = members.Values.Select(member => member.Id).ToList();
        var existing = await context.Db.Set<FollowUp>().Where(followUp => memberIds.Contains(followUp.MemberId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(followUp => (followUp.MemberId, followUp.Date, followUp.Kind));

        return ImportEach(parsed, problems, value =>
        {
            var member = context.RequireMember(members, value.IdNumber, IdNumber);
            var teamId = RosterImportContext.RequireTeam(teams, member, value.Team, Team);
            var key = (member.Id, value.Date, value.Kind);
            if (!byKey.TryGetValue(key, out var followUp))
            {
                followUp = new FollowUp { MemberId = member.Id, Date = value.Date, Kind = value.Kind, Findings = value.Findings };
                context.Db.Add(followUp);
                byKey[key] = followUp;
            }

            followUp.DoctorTeamId = teamId;
            followUp.Findings = value.Findings;
            followUp.NextDueOn = value.NextDueOn;
        });
    }
}
