using System.Globalization;
using System.Text;
using PolicyAssistant.Application.Households.Audit;

namespace PolicyAssistant.Application.Households.Chronic;

/// <summary>
/// The chronic certifications of the bound household (or of one of its members), each with its status and
/// next step; audited as ViewCertifications. A member id from outside the household finds nothing.
/// </summary>
public sealed class GetCertificationsQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory, RecordHouseholdAuditCommand audit, TimeProvider clock)
{
    public const string Materials = "身份证、医保卡（社保卡）、贫困家庭就诊卡，以及病历、检查化验单、出院小结等诊断材料";

    public async Task<IReadOnlyList<HouseholdMember>> LoadMembersAsync(BoundMember bound, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await HouseholdMembers.LoadAsync(db, bound.HouseholdId, cancellationToken);
    }

    /// <param name="memberId">One member of the bound household, or null for all of it.</param>
    public async Task<string> AnswerAsync(BoundMember bound, int? memberId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Set<Member>().AsNoTracking()
            .Where(member => member.HouseholdId == bound.HouseholdId && (memberId == null || member.Id == memberId))
            .Include(member => member.ChronicCertifications)
            .Include(member => member.FollowUps)
            .OrderBy(member => member.Id)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(bound.User.AuditActor, HouseholdAuditAction.ViewCertifications, bound.HouseholdId, memberId, cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var certifications = members.SelectMany(member => member.ChronicCertifications.Select(certification => (member, certification)))
            .OrderBy(pair => pair.member.RelationToHead != RelationToHead.Self)
            .ThenByDescending(pair => pair.certification.AppliedOn)
            .ToList();
        if (certifications.Count == 0)
        {
            var who = memberId is null || members.Count == 0 ? "您家" : Label(members[0]);
            return $"{who}没有慢病证明（门诊慢性病确认）的办理记录。家里有人得了高血压、糖尿病等慢性病的，可以带上{Materials}，到乡镇卫生院申请。";
        }

        var text = new StringBuilder(memberId is null ? "您家的慢病证明办理情况：" : "慢病证明办理情况：");
        foreach (var (member, certification) in certifications)
        {
            text.Append("\n\n").Append(Describe(member, certification, today));
        }

        return text.ToString();
    }

    private static string Describe(Member member, ChronicCertification certification, DateOnly today)
    {
        var lines = new List<string>
        {
            $"{Label(member)}·{ChineseNames.Of(certification.Disease)}：{ChineseNames.Of(certification.Status)}",
        };
        switch (certification.Status)
        {
            case CertificationStatus.Pending:
                lines.Add($"{Day(certification.AppliedOn)}在{certification.Institution}申请。");
                if (certification.NextStep is { Length: > 0 } next)
                {
                    lines.Add($"下一步：{next}{Due(certification.NextStepDueOn)}。");
                }

                lines.Add($"还没交齐材料的，请带上{Materials}到{certification.Institution}。");
                break;
            case CertificationStatus.Rejected:
                lines.Add($"{Day(certification.DecidedOn!.Value)}审核未通过，原因：{certification.RejectionReason}。");
                if (certification.NextStep is { Length: > 0 } retry)
                {
                    lines.Add($"怎么办：{retry}{Due(certification.NextStepDueOn)}。");
                }

                lines.Add($"对结果有异议的，可以带上补充的病历、检查单到{certification.Institution}申请复核，或拨打12345反映。");
                break;
            case CertificationStatus.Certified:
                lines.Add($"{Day(certification.DecidedOn!.Value)}已确认。在门诊看这个病、买药的费用，可以按门诊慢性病政策报销"
                    + (certification.NextStep is { Length: > 0 } use ? $"：{use}。" : "。"));
                lines.Add(FollowUp.NextDue(member.FollowUps, today) is { } due
                    ? $"下次随访：{Day(due.DueOn)}{(due.IsOverdue ? "（已过期，请联系家庭医生）" : string.Empty)}"
                    : "下次随访：暂无安排，请联系家庭医生。");
                break;
        }

        return string.Join('\n', lines);
    }

    private static string Label(Member member) => $"{PersonName.Mask(member.Name)}（{ChineseNames.Of(member.RelationToHead)}）";

    private static string Due(DateOnly? date) => date is { } due ? $"（{Day(due)}前）" : string.Empty;

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
