using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Households.BackOffice;

/// <summary>A region a report is narrowed to: its code (prefix of its villages' codes) and its name for the page.</summary>
public sealed record RegionPick(string Code, string Name, RegionLevel Level);

public abstract record RegionLookup
{
    /// <summary>No name given: everything the staff member may see.</summary>
    public sealed record Everywhere : RegionLookup;

    public sealed record Found(RegionPick Region) : RegionLookup;

    /// <summary>The name matches no region the staff member may see, or several: <see cref="Message"/> says which.</summary>
    public sealed record Problem(string Message) : RegionLookup;
}

/// <summary>
/// Staff narrow reports by a county's, township's or village's name (the page never shows codes). A region
/// outside the staff member's scope is answered as one that does not exist.
/// </summary>
public sealed class FindRegionQuery(PolicyAssistantDbContext db)
{
    public async Task<RegionLookup> FindAsync(StaffScope scope, string? name, CancellationToken cancellationToken)
    {
        if (name?.Trim() is not { Length: > 0 } text)
        {
            return new RegionLookup.Everywhere();
        }

        var candidates = await db.Set<Region>().AsNoTracking()
            .Where(region => region.Name == text && region.Level >= RegionLevel.County)
            .Select(region => new RegionPick(region.Code, region.Name, region.Level))
            .ToListAsync(cancellationToken);
        var visible = candidates.Where(region => Visible(scope, region.Code)).ToList();
        return visible.Count switch
        {
            0 => new RegionLookup.Problem($"没有找到您负责范围内名为“{text}”的县、乡镇或村。"),
            1 => new RegionLookup.Found(visible[0]),
            _ => new RegionLookup.Problem($"有{visible.Count}个地方都叫“{text}”，请改填它所在的乡镇或县名。"),
        };
    }

    /// <summary>The counties and townships the staff member may pick, for the page's suggestions.</summary>
    public async Task<IReadOnlyList<string>> SuggestionsAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        var regions = await db.Set<Region>().AsNoTracking()
            .Where(region => region.Level == RegionLevel.County || region.Level == RegionLevel.Township)
            .OrderBy(region => region.Code)
            .Select(region => new { region.Code, region.Name })
            .ToListAsync(cancellationToken);
        return regions.Where(region => Visible(scope, region.Code)).Select(region => region.Name).Distinct().ToList();
    }

    /// <summary>Inside the scope, or holding part of it (a township operator picking their county sees their township).</summary>
    private static bool Visible(StaffScope scope, string code) =>
        scope.Covers(code) || scope.RegionCodes.Any(own => own.StartsWith(code, StringComparison.Ordinal));
}

public static class RegionFilterQueries
{
    /// <summary>The staff member's households, narrowed to a picked region (both as SQL conditions).</summary>
    public static IQueryable<Household> WithinScope(this IQueryable<Household> households, StaffScope scope, RegionPick? region) =>
        region is null ? households.WithinScope(scope) : households.WithinScope(scope).Where(h => h.Village!.Code.StartsWith(region.Code));
}
