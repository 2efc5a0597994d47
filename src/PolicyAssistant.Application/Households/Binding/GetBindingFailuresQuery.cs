using System.Globalization;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>
/// One failed step of binding. <see cref="User"/> is the start of the user's keyed hash: enough to see the same user
/// again, nothing to find them by. The member (if any) is shown with the ID number masked.
/// </summary>
public sealed record BindingFailureRow(
    DateTime OccurredAtUtc, BindingAttemptKind Kind, string ChannelId, string User, int? HouseholdId, string? Village, string? MemberName, string? IdNumberMasked);

/// <summary>A user with several failures within <see cref="GetBindingFailuresQuery.RepeatedWindow"/>.</summary>
public sealed record RepeatedBindingFailures(string ChannelId, string User, int Failures, DateTime LastAtUtc);

public sealed record BindingFailuresPage(IReadOnlyList<RepeatedBindingFailures> Repeated, IReadOnlyList<BindingFailureRow> Rows, int PageNumber, bool HasNextPage);

/// <summary>
/// Failed binding attempts (lookups that found nobody or were refused for coming too often, wrong codes, lock-outs)
/// for the back office, newest first, with the users who failed repeatedly today on top. Region-scoped: a staff
/// member sees the failures concerning households of their regions; failures that concern no household (an ID number
/// nobody has) only staff who see every region. Each read is written to the household audit trail.
/// </summary>
public sealed class GetBindingFailuresQuery(PolicyAssistantDbContext db, RecordHouseholdAuditCommand audit, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int RepeatedAtLeast = 3;
    public static readonly TimeSpan RepeatedWindow = TimeSpan.FromDays(1);
    private const int UserShown = 8;

    public async Task<BindingFailuresPage> ListAsync(StaffScope staff, int pageNumber, CancellationToken cancellationToken)
    {
        pageNumber = Math.Max(1, pageNumber);
        var failures = Failures(staff);
        var since = clock.GetUtcNow().UtcDateTime - RepeatedWindow;
        var repeated = await failures
            .Where(a => a.OccurredAt > since)
            .GroupBy(a => new { a.ChannelId, a.UserKeyHash })
            .Select(g => new { g.Key.ChannelId, g.Key.UserKeyHash, Failures = g.Count(), LastAt = g.Max(a => a.OccurredAt) })
            .Where(g => g.Failures >= RepeatedAtLeast)
            .OrderByDescending(g => g.Failures)
            .Take(20)
            .ToListAsync(cancellationToken);
        var rows = await (
                from attempt in failures
                join member in db.Set<Member>() on attempt.MemberId equals member.Id into members
                from member in members.DefaultIfEmpty()
                orderby attempt.OccurredAt descending, attempt.Id descending
                select new
                {
                    attempt.OccurredAt,
                    attempt.Kind,
                    attempt.ChannelId,
                    attempt.UserKeyHash,
                    attempt.HouseholdId,
                    Village = member == null ? null : member.Household!.Village!.Name,
                    MemberName = member == null ? null : member.Name,
                    IdNumberMasked = member == null ? null : member.IdNumberMasked,
                })
            .Skip((pageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(
            RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ListBindingFailures, null, null, cancellationToken,
            string.Create(CultureInfo.InvariantCulture, $"page={pageNumber}"));
        return new BindingFailuresPage(
            repeated.Select(g => new RepeatedBindingFailures(g.ChannelId, Shown(g.UserKeyHash), g.Failures, g.LastAt)).ToList(),
            rows.Take(PageSize)
                .Select(r => new BindingFailureRow(r.OccurredAt, r.Kind, r.ChannelId, Shown(r.UserKeyHash), r.HouseholdId, r.Village, r.MemberName, r.IdNumberMasked))
                .ToList(),
            pageNumber,
            rows.Count > PageSize);
    }

    private IQueryable<BindingAttempt> Failures(StaffScope staff)
    {
        var failures = db.Set<BindingAttempt>().AsNoTracking().Where(a => a.Kind != BindingAttemptKind.LookupFound);
        if (staff.SeesEveryRegion)
        {
            return failures;
        }

        var households = db.Set<Household>().WithinScope(staff).Select(h => h.Id);
        return failures.Where(a => a.HouseholdId != null && households.Contains(a.HouseholdId.Value));
    }

    private static string Shown(string userKeyHash) => userKeyHash[..Math.Min(UserShown, userKeyHash.Length)];
}
