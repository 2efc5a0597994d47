using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>A region an entry can be scoped to, by code and by the name staff see.</summary>
public sealed record RegionChoice(string Code, string Name);

/// <summary>Region codes as staff read and choose them: names, with 全部地区 for <see cref="KnowledgeEntry.AllRegions"/>.</summary>
public sealed class KnowledgeRegions(IReadOnlyList<RegionChoice> choices)
{
    public const string AllRegionsName = "全部地区";

    private readonly Dictionary<string, string> _names = choices.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);

    /// <summary>全部地区 first, then provinces, cities and counties in code order (entries are scoped to a county or above).</summary>
    public IReadOnlyList<RegionChoice> Choices { get; } = choices;

    public static async Task<KnowledgeRegions> LoadAsync(PolicyAssistantDbContext db, CancellationToken cancellationToken)
    {
        var regions = await db.Set<Region>().AsNoTracking()
            .Where(r => r.Level <= RegionLevel.County)
            .OrderBy(r => r.Code)
            .Select(r => new RegionChoice(r.Code, r.Name))
            .ToListAsync(cancellationToken);
        return new KnowledgeRegions([new RegionChoice(KnowledgeEntry.AllRegions, AllRegionsName), .. regions]);
    }

    /// <summary>The region's name; a code no region has is shown as such, so it can still be seen and removed.</summary>
    public string NameOf(string code) =>
        _names.TryGetValue(code.Trim().ToLowerInvariant(), out var name) ? name : $"未登记的地区（{code}）";
}
