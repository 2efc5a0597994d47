using System.Linq.Expressions;

namespace PolicyAssistant.Application.Households.BackOffice;

/// <summary>
/// A staff member as far as household data goes: who (for the audit) and which regions they may see.
/// No region codes means every region (administrators and county-wide staff).
/// </summary>
public sealed record StaffScope(int StaffUserId, IReadOnlyList<string> RegionCodes)
{
    public bool SeesEveryRegion => RegionCodes.Count == 0;

    /// <summary>Region codes nest by prefix (county 450223, township 450223101, village 450223101201).</summary>
    public bool Covers(string regionCode) =>
        SeesEveryRegion || RegionCodes.Any(code => regionCode.StartsWith(code, StringComparison.Ordinal));
}

public static class StaffScopeQueries
{
    /// <summary>Only the households whose village lies in one of the scope's regions, as one SQL condition.</summary>
    public static IQueryable<Household> WithinScope(this IQueryable<Household> households, StaffScope scope)
    {
        if (scope.SeesEveryRegion)
        {
            return households;
        }

        // An OR of prefix matches, built by hand: both providers translate StartsWith on a constant to an indexable LIKE.
        var household = Expression.Parameter(typeof(Household), "h");
        var villageCode = Expression.Property(Expression.Property(household, nameof(Household.Village)), nameof(PolicyAssistant.Domain.Regions.Region.Code));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var condition = scope.RegionCodes
            .Select(code => (Expression)Expression.Call(villageCode, startsWith, Expression.Constant(code)))
            .Aggregate(Expression.OrElse);
        return households.Where(Expression.Lambda<Func<Household, bool>>(condition, household));
    }
}
