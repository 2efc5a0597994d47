using System.Globalization;
using System.Text;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.Binding;

namespace PolicyAssistant.Application.Households.FamilyDoctor;

/// <summary>
/// 我的家庭医生是谁 / 俺家签约的大夫叫啥 / 家庭医生电话: the bound household's contract, team, doctors and phones.
/// Questions about the policy itself (家庭医生免费做哪些事, 家庭医生能上门吗) stay with the knowledge base.
/// </summary>
public sealed class FamilyDoctorIntent(BindingGate gate, GetFamilyDoctorQuery query) : IAssistantIntent
{
    public static bool Matches(string text)
    {
        var compact = IntentText.Compact(text);
        return compact == "我的家庭医生" || RecordQuestion.Read(compact, RecordQuestion.FamilyDoctor) == RecordReading.Own;
    }

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!Matches(text))
        {
            return false;
        }

        if (await gate.RequireAsync(dialogContext, "家庭医生", cancellationToken) is { } bound)
        {
            await dialogContext.Context.SendPersonalAsync(await query.AnswerAsync(bound, cancellationToken), cancellationToken);
        }

        return true;
    }
}

/// <summary>The household's family-doctor contracts, written for the household; audited as ViewFamilyDoctor.</summary>
public sealed class GetFamilyDoctorQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory, RecordHouseholdAuditCommand audit, TimeProvider clock)
{
    public async Task<string> AnswerAsync(BoundMember bound, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contracts = await db.Set<DoctorContract>().AsNoTracking()
            .Where(contract => contract.HouseholdId == bound.HouseholdId)
            .Include(contract => contract.DoctorTeam!).ThenInclude(team => team.FamilyDoctors)
            .Include(contract => contract.Member)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(bound.User.AuditActor, HouseholdAuditAction.ViewFamilyDoctor, bound.HouseholdId, null, cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (contracts.Count == 0)
        {
            return "您家还没有家庭医生签约记录。建档立卡贫困户可以到村卫生室或乡镇卫生院签约家庭医生，签约后有专门的医生团队为您家服务。";
        }

        // Contracts in force first, then the most recent; at most two, so the answer fits a phone screen.
        var shown = contracts
            .OrderBy(contract => contract.StatusOn(today) != DoctorContractStatus.Active)
            .ThenByDescending(contract => contract.TermEnd)
            .Take(2)
            .ToList();
        var text = new StringBuilder("您家的家庭医生签约情况：");
        foreach (var contract in shown)
        {
            text.Append('\n').Append('\n').Append(Describe(contract, today));
        }

        if (shown.All(contract => contract.StatusOn(today) != DoctorContractStatus.Active))
        {
            text.Append("\n\n您家目前没有有效的签约，请联系村卫生室或乡镇卫生院续签。");
        }

        return text.ToString();
    }

    private static string Describe(DoctorContract contract, DateOnly today)
    {
        var team = contract.DoctorTeam!;
        var status = contract.StatusOn(today);
        var lines = new List<string>
        {
            $"团队：{team.Name}（{team.Institution}）",
        };
        lines.AddRange(team.FamilyDoctors
            .OrderBy(doctor => doctor.Role)
            .Select(doctor => $"{ChineseNames.Of(doctor.Role)}：{doctor.Name}，电话 {doctor.Phone}"));
        lines.Add($"团队电话：{team.Phone}");
        lines.Add($"签约对象：{(contract.Member is { } member ? PersonName.Mask(member.Name) : "全家")}");
        lines.Add($"签约期限：{Day(contract.TermStart)} 至 {Day(contract.TermEnd)}（{ChineseNames.Of(status)}）");
        if (status == DoctorContractStatus.Terminated && contract.TerminationReason is { Length: > 0 } reason)
        {
            lines.Add($"解约原因：{reason}");
        }

        lines.Add($"服务内容：{ChineseNames.Of(contract.Services)}");
        return string.Join('\n', lines);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
