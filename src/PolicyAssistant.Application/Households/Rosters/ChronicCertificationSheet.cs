namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>慢病认定: a member's chronic-disease certification. Natural key: member, disease and application date.</summary>
public sealed class ChronicCertificationSheet : RosterSheet
{
    public const string IdNumber = "身份证号";
    public const string Disease = "病种";
    public const string AppliedOn = "申请日期";
    public const string Institution = "认定机构";
    public const string Status = "认定结果";
    public const string DecidedOn = "认定日期";
    public const string RejectionReason = "未通过原因";

    public override string Name => "慢病认定";

    public override IReadOnlyList<string> Columns { get; } = [IdNumber, Disease, AppliedOn, Institution, Status, DecidedOn, RejectionReason];

    public override IReadOnlyList<object?> Example { get; } = ["450223196505120013", "高血压", "2024-02-10", "白沙镇卫生院", "已确认", "2024-03-01", null];

    public override string? DuplicateKey(RosterRow row) => Key(IdKey(row, IdNumber), row.Optional(Disease), row.Optional(AppliedOn));

    internal override async Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var parsed = ParseEach(rows, problems, row =>
        {
            var status = row.Optional(Status) is null ? CertificationStatus.Pending : row.Choice<CertificationStatus>(Status, ChineseNames.Of);
            var appliedOn = row.Date(AppliedOn);
            var decidedOn = status == CertificationStatus.Pending ? (DateOnly?)null : row.Date(DecidedOn);
            if (decidedOn < appliedOn)
            {
                throw new RosterRowException($"{DecidedOn}早于{AppliedOn}");
            }

            return new
            {
                IdNumber = row.IdNumber(IdNumber),
                Disease = row.Choice<ChronicDisease>(Disease, ChineseNames.Of),
                AppliedOn = appliedOn,
                Institution = row.Text(Institution),
                Status = status,
                DecidedOn = decidedOn,
                RejectionReason = status == CertificationStatus.Rejected ? row.Text(RejectionReason) : null,
            };
        });

        var members = await context.FindMembersAsync(parsed.Select(item => item.Value.IdNumber), cancellationToken);
        var memberIds = members.Values.Select(member => member.Id).ToList();
        var existing = await context.Db.Set<ChronicCertification>().Where(certification => memberIds.Contains(certification.MemberId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(certification => (certification.MemberId, certification.Disease, certification.AppliedOn));

        return ImportEach(parsed, problems, value =>
        {
            var member = context.RequireMember(members, value.IdNumber, IdNumber);
            var key = (member.Id, value.Disease, value.AppliedOn);
            if (!byKey.TryGetValue(key, out var certification))
            {
                certification = new ChronicCertification { MemberId = member.Id, Disease = value.Disease, AppliedOn = value.AppliedOn, Institution = value.Institution };
                context.Db.Add(certification);
                byKey[key] = certification;
            }

            certification.Institution = value.Institution;

            // A decision is recorded once; a later roster that still says 审核中 does not undo it.
            if (certification.Status == CertificationStatus.Pending && value.DecidedOn is { } decidedOn)
            {
                if (value.Status == CertificationStatus.Certified)
                {
                    certification.Certify(decidedOn);
                }
                else
                {
                    certification.Reject(decidedOn, value.RejectionReason!);
                }
            }

        });
    }
}
