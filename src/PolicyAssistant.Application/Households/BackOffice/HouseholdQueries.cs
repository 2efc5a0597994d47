using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Households.BackOffice;

public sealed record HouseholdRow(int Id, string Village, string HeadName, string HeadIdNumber, bool IsRegisteredPoor, int MemberCount);

public sealed record MemberRow(string Name, string Relation, string IdNumber, string? Phone, bool IsPolicyLiterateMember, IReadOnlyList<string> Certifications);

public sealed record HouseholdDetail(int Id, string Village, string Address, bool IsRegisteredPoor, IReadOnlyList<MemberRow> Members, IReadOnlyList<string> Contracts);

/// <summary>
/// The back office's read of household data: only the staff member's region, ID numbers and phones only
/// masked, and every read written to the household audit trail.
/// </summary>
public sealed class GetHouseholdsQuery(PolicyAssistantDbContext db, RecordHouseholdAuditCommand audit)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<HouseholdRow>> ListAsync(StaffScope staff, string? search, int page, CancellationToken cancellationToken)
    {
        var query = db.Set<Household>().AsNoTracking().WithinScope(staff);
        if (search?.Trim() is { Length: > 0 } text)
        {
            query = query.Where(h => h.Village!.Name.Contains(text) || h.Members.Any(m => m.RelationToHead == RelationToHead.Self && m.Name.Contains(text)));
        }

        var rows = await query
            .OrderBy(h => h.Id)
            .Skip(Math.Max(page - 1, 0) * PageSize)
            .Take(PageSize)
            .Select(h => new
            {
                h.Id,
                Village = h.Village!.Name,
                h.IsRegisteredPoor,
                Head = h.Members.Where(m => m.RelationToHead == RelationToHead.Self).Select(m => new { m.Name, m.IdNumberMasked }).FirstOrDefault(),
                MemberCount = h.Members.Count,
            })
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ListHouseholds, null, null, cancellationToken);
        return rows.Select(r => new HouseholdRow(r.Id, r.Village, r.Head?.Name ?? "（未登记户主）", r.Head?.IdNumberMasked ?? "", r.IsRegisteredPoor, r.MemberCount)).ToList();
    }

    /// <summary>The household, or null when it does not exist or lies outside the staff member's region (the two look the same).</summary>
    public async Task<HouseholdDetail?> GetAsync(StaffScope staff, int householdId, CancellationToken cancellationToken)
    {
        var household = await db.Set<Household>().AsNoTracking().AsSplitQuery()
            .Include(h => h.Village)
            .Include(h => h.Members).ThenInclude(m => m.ChronicCertifications)
            .Include(h => h.DoctorContracts).ThenInclude(c => c.DoctorTeam)
            .SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household?.Village is not { } village || !staff.Covers(village.Code))
        {
            return null;
        }

        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ViewHousehold, household.Id, null, cancellationToken);
        return new HouseholdDetail(
            household.Id,
            village.Name,
            household.Address,
            household.IsRegisteredPoor,
            household.Members.OrderBy(m => m.RelationToHead).Select(m => new MemberRow(
                m.Name,
                ChineseNames.Of(m.RelationToHead),
                m.IdNumberMasked,
                m.PhoneMasked,
                m.IsPolicyLiterateMember,
                m.ChronicCertifications.Select(c => $"{ChineseNames.Of(c.Disease)}：{ChineseNames.Of(c.Status)}").ToList())).ToList(),
            household.DoctorContracts.Select(c => $"{c.DoctorTeam?.Name}，{ChineseDates.Date(c.TermStart)} 至 {ChineseDates.Date(c.TermEnd)}，{ChineseNames.Of(c.Status)}").ToList());
    }
}
