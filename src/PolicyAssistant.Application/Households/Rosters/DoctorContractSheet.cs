namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>签约: a team's contract with a household or one member. Natural key: household, member, team and term start.</summary>
public sealed class DoctorContractSheet : RosterSheet
{
    public const string HeadIdNumber = "户主身份证号";
    public const string MemberIdNumber = "签约成员身份证号（全户签约留空）";
    public const string Team = "签约团队";
    public const string SignedOn = "签约日期";
    public const string TermStart = "服务开始日期";
    public const string TermEnd = "服务结束日期";
    public const string Status = "签约状态";
    public const string Services = "服务内容";

    public override string Name => "签约";

    public override IReadOnlyList<string> Columns { get; } = [HeadIdNumber, MemberIdNumber, Team, SignedOn, TermStart, TermEnd, Status, Services];

    public override IReadOnlyList<object?> Example { get; } =
        ["450223196505120013", null, "白沙镇卫生院第一团队", "2024-01-05", "2024-01-05", "2024-12-31", "履约中", "基本医疗、基本公共卫生服务、慢病管理"];

    public override string? DuplicateKey(RosterRow row) =>
        Key(IdKey(row, HeadIdNumber), IdKey(row, MemberIdNumber) ?? "", row.Optional(Team), row.Optional(TermStart));

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row =>
        {
            var termStart = row.Date(TermStart);
            var termEnd = row.Date(TermEnd);
            if (termEnd < termStart)
            {
                throw new RosterRowException($"{TermEnd}早于{TermStart}");
            }

            return new
            {
                Head = row.IdNumber(HeadIdNumber),
                Member = row.Optional(MemberIdNumber) is null ? null : row.IdNumber(MemberIdNumber),
                Team = row.Text(Team),
                SignedOn = row.Date(SignedOn),
                TermStart = termStart,
                TermEnd = termEnd,
                Status = row.Optional(Status) is null ? DoctorContractStatus.Active : row.Choice<DoctorContractStatus>(Status, ChineseNames.Of),
                Services = ParseServices(row.Optional(Services)),
            };
        });

        var members = await context.FindMembersAsync(parsed.SelectMany(item => new[] { item.Value.Head, item.Value.Member }.OfType<IdNumber>()), cancellationToken);
        var teams = await context.LoadTeamsAsync(cancellationToken);
        var households = members.Values.Select(member => member.HouseholdId).Distinct().ToList();
        var existing = await context.Db.Set<DoctorContract>()
            .Where(contract => households.Contains(contract.HouseholdId))
            .ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(contract => (contract.HouseholdId, contract.MemberId, contract.DoctorTeamId, contract.TermStart));

        return ImportEach(parsed, problems, value =>
        {
            var head = context.RequireHousehold(members, value.Head, HeadIdNumber);
            int? memberId = null;
            if (value.Member is { } memberIdNumber)
            {
                var member = context.RequireMember(members, memberIdNumber, MemberIdNumber);
                memberId = member.HouseholdId == head.HouseholdId
                    ? member.Id
                    : throw new RosterRowException($"签约成员{memberIdNumber.Masked}不是该户的成员");
            }

            var teamId = RosterImportContext.RequireTeam(teams, head, value.Team, Team);
            var key = (head.HouseholdId, memberId, teamId, value.TermStart);
            if (!byKey.TryGetValue(key, out var contract))
            {
                contract = new DoctorContract { HouseholdId = head.HouseholdId, MemberId = memberId, DoctorTeamId = teamId, TermStart = value.TermStart };
                context.Db.Add(contract);
                byKey[key] = contract;
            }

            contract.SignedOn = value.SignedOn;
            contract.TermEnd = value.TermEnd;
            contract.Status = value.Status;
            contract.Services = value.Services;
        });
    }

    /// <summary>“基本医疗、慢病管理”, each name as <see cref="ChineseNames.Of(ContractServices)"/> writes it; empty is basic care and public health.</summary>
    private static ContractServices ParseServices(string? text)
    {
        if (text is null)
        {
            return ContractServices.BasicMedicalCare | ContractServices.PublicHealth;
        }

        var services = ContractServices.None;
        foreach (var name in text.Split(['、', '，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var service = Enum.GetValues<ContractServices>().FirstOrDefault(value => value != ContractServices.None && ChineseNames.Of(value) == name);
            services |= service != ContractServices.None
                ? service
                : throw new RosterRowException($"{Services}中的“{name}”不是可选的服务（{ChineseNames.Of(Enum.GetValues<ContractServices>().Aggregate((a, b) => a | b))}）");
        }

        return services;
    }
}
