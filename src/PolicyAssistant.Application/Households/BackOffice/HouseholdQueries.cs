using PolicyAssistant.Domain.Text;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Households.BackOffice;

public sealed record HouseholdRow(
    int Id, string County, string Township, string Village, string Address, string HeadName, string HeadIdNumber,
    bool IsRegisteredPoor, int MemberCount, bool IsChronic, bool IsSigned);

public sealed record HouseholdPage(IReadOnlyList<HouseholdRow> Rows, int Total, int PageNumber)
{
    public int PageCount => Math.Max(1, (Total + GetHouseholdsQuery.PageSize - 1) / GetHouseholdsQuery.PageSize);
}

/// <summary>
/// Which households a list shows. A region is a county, township or village id (the narrowest one chosen counts);
/// <see cref="RegisteredPoor"/> defaults to registered poor households only, null meaning all.
/// </summary>
public sealed record HouseholdFilter(int? RegionId = null, bool? RegisteredPoor = true, bool? Chronic = null, bool? Signed = null, string? Search = null)
{
    /// <summary>For the audit trail: the filter in words, without the region's name lookup.</summary>
    public string Describe() => string.Join(
        "; ",
        new[]
        {
            RegionId is { } region ? $"region={region}" : null,
            RegisteredPoor is { } poor ? $"poor={poor}" : null,
            Chronic is { } chronic ? $"chronic={chronic}" : null,
            Signed is { } signed ? $"signed={signed}" : null,
            Search?.Trim() is { Length: > 0 } search ? $"search={search}" : null,
        }.OfType<string>());
}

public sealed record MemberRow(
    int Id, string Name, string Relation, string IdNumber, string? Phone, bool IsPolicyLiterateMember, IReadOnlyList<string> Certifications);

public sealed record FollowUpRow(string Member, DateOnly Date, string Kind, string? Team, string Findings, DateOnly? NextDueOn);

public sealed record StayRow(string Member, string Hospital, DateOnly AdmittedOn, DateOnly DischargedOn, decimal TotalBill, decimal Reimbursement, decimal SelfPay);

public sealed record HouseholdDetail(
    int Id, string Village, string Address, bool IsRegisteredPoor, IReadOnlyList<MemberRow> Members, IReadOnlyList<string> Contracts,
    IReadOnlyList<FollowUpRow> FollowUps, IReadOnlyList<StayRow> Stays);

/// <summary>
/// The back office's read of household data: only the staff member's region, ID numbers and phones only
/// masked, and every read written to the household audit trail.
/// </summary>
public sealed class GetHouseholdsQuery(PolicyAssistantDbContext db, RecordHouseholdAuditCommand audit, TimeProvider clock, PersonalDataProtector protector)
{
    public const int PageSize = 50;

    public async Task<HouseholdPage> ListAsync(StaffScope staff, HouseholdFilter filter, int page, CancellationToken cancellationToken)
    {
        var query = await FilterAsync(staff, filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await Rows(query).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ListHouseholds, null, null, cancellationToken, filter.Describe());
        return new HouseholdPage(rows, total, page);
    }

    /// <summary>Every household the filter finds in the staff member's region, read as it is enumerated (for exports).</summary>
    public async Task<IQueryable<HouseholdRow>> QueryAsync(StaffScope staff, HouseholdFilter filter, CancellationToken cancellationToken) =>
        Rows(await FilterAsync(staff, filter, cancellationToken));

    /// <summary>The household, or null when it does not exist or lies outside the staff member's region (the two look the same).</summary>
    public async Task<HouseholdDetail?> GetAsync(StaffScope staff, int householdId, CancellationToken cancellationToken)
    {
        var household = await db.Set<Household>().AsNoTracking().AsSplitQuery()
            .Include(h => h.Village)
            .Include(h => h.Members).ThenInclude(m => m.ChronicCertifications)
            .Include(h => h.Members).ThenInclude(m => m.FollowUps).ThenInclude(f => f.DoctorTeam)
            .Include(h => h.Members).ThenInclude(m => m.InpatientStays)
            .Include(h => h.DoctorContracts).ThenInclude(c => c.DoctorTeam)
            .SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household?.Village is not { } village || !staff.Covers(village.Code))
        {
            return null;
        }

        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ViewHousehold, household.Id, null, cancellationToken);
        var members = household.Members.OrderBy(m => m.RelationToHead).ThenBy(m => m.Id).ToList();
        return new HouseholdDetail(
            household.Id,
            village.Name,
            household.Address,
            household.IsRegisteredPoor,
            members.Select(m => new MemberRow(
                m.Id,
                m.Name,
                ChineseNames.Of(m.RelationToHead),
                m.IdNumberMasked,
                m.PhoneMasked,
                m.IsPolicyLiterateMember,
                m.ChronicCertifications.Select(c => $"{ChineseNames.Of(c.Disease)}：{ChineseNames.Of(c.Status)}").ToList())).ToList(),
            household.DoctorContracts.Select(c => $"{c.DoctorTeam?.Name}，{ChineseDates.Date(c.TermStart)}至{ChineseDates.Date(c.TermEnd)}，{ChineseNames.Of(c.Status)}").ToList(),
            members.SelectMany(m => m.FollowUps.Select(f => new FollowUpRow(m.Name, f.Date, ChineseNames.Of(f.Kind), f.DoctorTeam?.Name, f.Findings, f.NextDueOn)))
                .OrderByDescending(f => f.Date).ToList(),
            members.SelectMany(m => m.InpatientStays.Select(s => new StayRow(
                    m.Name, s.HospitalName, s.AdmittedOn, s.DischargedOn, s.Settlement.TotalBill, s.Settlement.TotalReimbursement, s.Settlement.SelfPay)))
                .OrderByDescending(s => s.AdmittedOn).ToList());
    }

    /// <summary>
    /// A member's full ID number, for an administrator who asked for it (the caller checks the role); audited.
    /// Null when the member is not of that household or the household lies outside the staff member's region.
    /// </summary>
    public async Task<string?> RevealIdNumberAsync(StaffScope staff, int householdId, int memberId, CancellationToken cancellationToken)
    {
        var member = await db.Set<Member>().AsNoTracking()
            .Where(m => m.Id == memberId && m.HouseholdId == householdId)
            .Select(m => new { Member = m, m.Household!.Village!.Code })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null || !staff.Covers(member.Code))
        {
            return null;
        }

        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.RevealIdNumber, householdId, memberId, cancellationToken);
        return member.Member.RevealIdNumber(protector).Value;
    }

    private async Task<IQueryable<Household>> FilterAsync(StaffScope staff, HouseholdFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<Household>().AsNoTracking().WithinScope(staff);
        if (filter.RegionId is { } regionId)
        {
            // Codes nest, so one prefix finds the households of a county, a township or a village.
            var code = await db.Set<Region>().Where(region => region.Id == regionId).Select(region => region.Code).SingleOrDefaultAsync(cancellationToken) ?? "-";
            query = query.Where(h => h.Village!.Code.StartsWith(code));
        }

        if (filter.RegisteredPoor is { } poor)
        {
            query = query.Where(h => h.IsRegisteredPoor == poor);
        }

        if (filter.Chronic is { } chronic)
        {
            query = query.Where(h => h.Members.Any(m => m.ChronicCertifications.Any(c => c.Status == CertificationStatus.Certified)) == chronic);
        }

        if (filter.Signed is { } signed)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            query = query.Where(h => h.DoctorContracts.Any(c => c.Status == DoctorContractStatus.Active && c.TermEnd >= today) == signed);
        }

        if (filter.Search?.Trim() is { Length: > 0 } text)
        {
            query = query.Where(h => h.Members.Any(m => m.Name.Contains(text)));
        }

        return query.OrderBy(h => h.Id);
    }

    private IQueryable<HouseholdRow> Rows(IQueryable<Household> households)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return households.Select(h => new HouseholdRow(
            h.Id,
            h.Village!.Parent!.Parent!.Name,
            h.Village.Parent.Name,
            h.Village.Name,
            h.Address,
            h.Members.Where(m => m.RelationToHead == RelationToHead.Self).Select(m => m.Name).FirstOrDefault() ?? "（未登记户主）",
            h.Members.Where(m => m.RelationToHead == RelationToHead.Self).Select(m => m.IdNumberMasked).FirstOrDefault() ?? "",
            h.IsRegisteredPoor,
            h.Members.Count,
            h.Members.Any(m => m.ChronicCertifications.Any(c => c.Status == CertificationStatus.Certified)),
            h.DoctorContracts.Any(c => c.Status == DoctorContractStatus.Active && c.TermEnd >= today)));
    }
}

public sealed record RegionChoice(int Id, int? ParentId, RegionLevel Level, string Name);

/// <summary>The counties, townships and villages a staff member may filter by (their own regions and below), with names.</summary>
public sealed class GetRegionChoicesQuery(PolicyAssistantDbContext db)
{
    public async Task<IReadOnlyList<RegionChoice>> ListAsync(StaffScope staff, CancellationToken cancellationToken)
    {
        var regions = await db.Set<Region>().AsNoTracking()
            .Where(region => region.Level >= RegionLevel.County)
            .OrderBy(region => region.Code)
            .Select(region => new { region.Id, region.ParentId, region.Level, region.Name, region.Code })
            .ToListAsync(cancellationToken);
        return regions
            .Where(region => staff.Covers(region.Code) || staff.RegionCodes.Any(code => code.StartsWith(region.Code, StringComparison.Ordinal)))
            .Select(region => new RegionChoice(region.Id, region.ParentId, region.Level, region.Name))
            .ToList();
    }
}
