using System.Globalization;
using System.Text;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Domain.Numbers;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Settlements;

/// <summary>
/// 上次住院报了多少 / 住院报销明细: the bound household's latest stays as settlement statements. A message
/// with an amount in it (“花了一万二能报多少”) is an estimate, not this.
/// </summary>
public sealed class SettlementsIntent(BindingGate gate, GetSettlementsQuery query) : IAssistantIntent
{
    private static readonly string[] Topic = ["住院", "出院", "报销", "报了", "结算"];
    private static readonly string[] Past = ["上次", "上回", "那次", "这次", "最近", "去年", "明细", "记录", "结算单", "明白卡", "告知单", "报了多少", "报了", "报销了", "报回来", "退了多少"];

    public static bool Matches(string text)
    {
        var compact = IntentText.Compact(text);
        return IntentText.ContainsAny(compact, Topic) && IntentText.ContainsAny(compact, Past) && ChineseAmountParser.FindAmount(compact) is null;
    }

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!Matches(text))
        {
            return false;
        }

        if (await gate.RequireAsync(dialogContext, "住院报销记录", cancellationToken) is { } bound)
        {
            await dialogContext.Context.SendPersonalAsync(await query.AnswerAsync(bound, IntentText.Compact(text), cancellationToken), cancellationToken);
        }

        return true;
    }
}

/// <summary>
/// The latest inpatient stays of the bound household as discharge settlement statements (one member's when
/// the message names exactly one relative); audited as ViewSettlements.
/// </summary>
public sealed class GetSettlementsQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory, RecordHouseholdAuditCommand audit)
{
    public const int MaxStays = 3;

    public async Task<string> AnswerAsync(BoundMember bound, string text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await HouseholdMembers.LoadAsync(db, bound.HouseholdId, cancellationToken);
        int? memberId = Relatives.Match(text, bound.MemberId, members) is RelativeMatch.Named { Candidates.Count: 1 } named
            ? named.Candidates[0].MemberId
            : null;
        var stays = await db.Set<InpatientStay>().AsNoTracking()
            .Where(stay => stay.Member!.HouseholdId == bound.HouseholdId && (memberId == null || stay.MemberId == memberId))
            .OrderByDescending(stay => stay.DischargedOn)
            .Take(MaxStays)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(bound.User.AuditActor, HouseholdAuditAction.ViewSettlements, bound.HouseholdId, memberId, cancellationToken);

        if (stays.Count == 0)
        {
            return (memberId is null ? "您家" : members.First(p => p.MemberId == memberId).Label)
                + "没有住院结算记录。出院时医院会给一张出院费用结算明白卡，上面有各项报销的金额。";
        }

        var statement = new StringBuilder($"最近{stays.Count}次住院的结算情况：");
        foreach (var stay in stays)
        {
            var who = members.FirstOrDefault(member => member.MemberId == stay.MemberId)?.Label ?? "";
            statement.Append("\n\n").Append(string.Join('\n', Describe(stay, who)));
        }

        statement.Append("\n\n以出院时医院给的结算单为准。");
        return statement.ToString();
    }

    private static IEnumerable<string> Describe(InpatientStay stay, string who)
    {
        var place = stay.InCounty ? "县内" : stay.HasReferral ? "县外，已转诊" : "县外，未转诊";
        yield return $"{who} {Day(stay.AdmittedOn)}—{Day(stay.DischargedOn)}";
        yield return $"{stay.HospitalName}（{SettlementEstimator.LevelName(stay.HospitalLevel)}，{place}）";
        if (stay.Diagnosis is { Length: > 0 } diagnosis)
        {
            yield return $"诊断：{diagnosis}";
        }

        foreach (var line in SettlementLines.Of(stay.Settlement))
        {
            yield return line;
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
