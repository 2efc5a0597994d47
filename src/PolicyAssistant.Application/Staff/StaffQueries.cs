using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Application.Staff;

public sealed record StaffRow(int Id, string UserName, string DisplayName, StaffRole? Role, IReadOnlyList<string> RegionNames, DateTimeOffset? LastLoginAt, bool IsDisabled, bool MustChangePassword);

public sealed record StaffDetail(int Id, string UserName, string DisplayName, StaffRole? Role, IReadOnlyList<string> RegionCodes, bool IsDisabled);

public sealed record RegionOption(string Code, string Name);

/// <summary>The colleagues as the staff pages show them: role, regions by name, last sign-in.</summary>
public sealed class ListStaffQuery(PolicyAssistantDbContext db)
{
    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken cancellationToken)
    {
        var users = await db.Set<StaffUser>().AsNoTracking().Include(u => u.Regions).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(db, cancellationToken);
        var names = await new RegionNamesQuery(db).GetAsync(users.SelectMany(u => u.Regions).Select(r => r.RegionCode).ToList(), cancellationToken);
        return users.Select(u => new StaffRow(
            u.Id,
            u.UserName ?? "",
            u.DisplayName,
            roles.GetValueOrDefault(u.Id),
            u.Regions.Select(r => names[r.RegionCode]).Order(StringComparer.Ordinal).ToList(),
            u.LastLoginAt,
            u.DisabledAt is not null,
            u.MustChangePassword)).ToList();
    }

    public async Task<StaffDetail?> GetAsync(int staffUserId, CancellationToken cancellationToken)
    {
        var user = await db.Set<StaffUser>().AsNoTracking().Include(u => u.Regions).SingleOrDefaultAsync(u => u.Id == staffUserId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesByUserAsync(db, cancellationToken);
        return new StaffDetail(user.Id, user.UserName ?? "", user.DisplayName, roles.GetValueOrDefault(user.Id), user.Regions.Select(r => r.RegionCode).ToList(), user.DisabledAt is not null);
    }

    /// <summary>Staff ids with their display names, for the audit trail's actors.</summary>
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(CancellationToken cancellationToken) =>
        await db.Set<StaffUser>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    private static async Task<Dictionary<int, StaffRole?>> RolesByUserAsync(PolicyAssistantDbContext db, CancellationToken cancellationToken)
    {
        var pairs = await (
            from userRole in db.Set<IdentityUserRole<int>>()
            join role in db.Set<IdentityRole<int>>() on userRole.RoleId equals role.Id
            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        return pairs
            .GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => g.Select(p => Enum.TryParse<StaffRole>(p.Name, out var role) ? role : (StaffRole?)null).FirstOrDefault(r => r is not null));
    }
}

/// <summary>Region codes as people read them: “府谷县城关镇” rather than 610822100.</summary>
public sealed class RegionNamesQuery(PolicyAssistantDbContext db)
{
    /// <summary>Every code given, named from its county down; an unknown code stays as it is.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.SelectMany(Ancestors).Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Set<Region>().AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return codes.Distinct(StringComparer.Ordinal).ToDictionary(
            code => code,
            code => names.ContainsKey(code) ? string.Concat(Ancestors(code).Where(names.ContainsKey).Select(a => names[a])) : code,
            StringComparer.Ordinal);
    }

    /// <summary>Counties and townships, which is what a township operator is given.</summary>
    public async Task<IReadOnlyList<RegionOption>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Set<Region>().AsNoTracking()
            .Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Township)
            .OrderBy(r => r.Code)
            .Select(r => r.Code)
            .ToListAsync(cancellationToken);
        var names = await GetAsync(regions, cancellationToken);
        return regions.Select(code => new RegionOption(code, names[code])).ToList();
    }

    // Counties (6 digits), townships (9) and villages (12) nest by prefix.
    private static IEnumerable<string> Ancestors(string code) =>
        new[] { 6, 9, 12 }.Where(length => length <= code.Length).Select(length => code[..length]);
}
