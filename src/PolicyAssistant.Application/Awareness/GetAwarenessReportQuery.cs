using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Domain.Awareness;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Awareness;

/// <summary>Which attempts count: all, those completed before a day (the campaign's start), or on and after it.</summary>
public enum AwarenessPeriod
{
    All,
    Before,
    After,
}

/// <summary>
/// One village or township. <see cref="Rate"/> counts households (their first complete attempt); 政策明白人 are
/// members flagged on the register (<see cref="FlaggedLiterate"/>) plus members, not flagged, who answered a quiz
/// all right (<see cref="QuizLiterate"/>); <see cref="HouseholdsWithLiterate"/> counts registered poor households
/// with at least one, against the target of one per poor household (seed 002).
/// </summary>
public sealed record AwarenessRow(
    string Code,
    string Name,
    string? TownshipName,
    AwarenessRate Rate,
    int FlaggedLiterate,
    int QuizLiterate,
    int HouseholdsWithLiterate)
{
    public decimal? LiterateHouseholdShare => AwarenessRate.Share(HouseholdsWithLiterate, Rate.RegisteredPoor);
}

public sealed record AwarenessReport(IReadOnlyList<AwarenessRow> Villages, IReadOnlyList<AwarenessRow> Townships, AwarenessRow Total);

/// <summary>知晓率 and 政策明白人 of a quiz per village and township, within the staff member's scope and picked region.</summary>
public sealed class GetAwarenessReportQuery(PolicyAssistantDbContext db)
{
    public async Task<AwarenessReport> GetAsync(StaffScope scope, RegionPick? region, int quizId, AwarenessPeriod period, DateOnly? splitOn, CancellationToken cancellationToken)
    {
        var households = db.Set<Household>().AsNoTracking().WithinScope(scope, region);
        var attempts = db.Set<QuizAttempt>().AsNoTracking().Where(attempt => attempt.QuizId == quizId);
        if (splitOn is { } day && period == AwarenessPeriod.Before)
        {
            attempts = attempts.Where(attempt => attempt.CompletedOn < day);
        }
        else if (splitOn is { } from && period == AwarenessPeriod.After)
        {
            attempts = attempts.Where(attempt => attempt.CompletedOn >= from);
        }

        var poor = await households.Where(h => h.IsRegisteredPoor)
            .GroupBy(h => h.VillageId)
            .Select(group => new { VillageId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.VillageId, row => row.Count, cancellationToken);

        var answered = await (from h in households
                              join attempt in attempts on h.Id equals attempt.HouseholdId
                              group new { attempt.AllCorrect, h.IsRegisteredPoor } by h.VillageId into village
                              select new
                              {
                                  VillageId = village.Key,
                                  Answered = village.Count(),
                                  AllCorrect = village.Count(row => row.AllCorrect),
                                  AllCorrectPoor = village.Count(row => row.AllCorrect && row.IsRegisteredPoor),
                              })
            .ToDictionaryAsync(row => row.VillageId, cancellationToken);

        var members = households.SelectMany(h => h.Members);
        var flagged = await members.Where(m => m.IsPolicyLiterateMember)
            .GroupBy(m => m.Household!.VillageId)
            .Select(group => new { VillageId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.VillageId, row => row.Count, cancellationToken);

        // A member who answered any quiz all right knows the policies as well as a flagged one (the report says so).
        var quizLiterateMembers = members.Where(m => !m.IsPolicyLiterateMember && db.Set<QuizAttempt>().Any(attempt => attempt.MemberId == m.Id && attempt.AllCorrect));
        var quizLiterate = await quizLiterateMembers
            .GroupBy(m => m.Household!.VillageId)
            .Select(group => new { VillageId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.VillageId, row => row.Count, cancellationToken);

        var withLiterate = await households
            .Where(h => h.IsRegisteredPoor && h.Members.Any(m => m.IsPolicyLiterateMember || db.Set<QuizAttempt>().Any(attempt => attempt.MemberId == m.Id && attempt.AllCorrect)))
            .GroupBy(h => h.VillageId)
            .Select(group => new { VillageId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.VillageId, row => row.Count, cancellationToken);

        var villageIds = poor.Keys.Union(answered.Keys).Union(flagged.Keys).Union(quizLiterate.Keys).ToList();
        var villages = await db.Set<Region>().AsNoTracking()
            .Where(village => villageIds.Contains(village.Id))
            .Select(village => new { village.Id, village.Code, village.Name, Township = village.Parent!.Name })
            .ToListAsync(cancellationToken);

        var villageRows = villages.OrderBy(village => village.Code, StringComparer.Ordinal).Select(village =>
        {
            var a = answered.GetValueOrDefault(village.Id);
            return new AwarenessRow(
                village.Code,
                village.Name,
                village.Township,
                new AwarenessRate(a?.AllCorrect ?? 0, a?.Answered ?? 0, poor.GetValueOrDefault(village.Id), a?.AllCorrectPoor ?? 0),
                flagged.GetValueOrDefault(village.Id),
                quizLiterate.GetValueOrDefault(village.Id),
                withLiterate.GetValueOrDefault(village.Id));
        }).ToList();

        var townshipNames = await TownshipNamesAsync(villageRows.Select(row => row.Code[..9]).Distinct().ToList(), cancellationToken);
        var townships = villageRows.GroupBy(row => row.Code[..9])
            .Select(group => Sum(group.Key, townshipNames.GetValueOrDefault(group.Key, group.Key), null, group))
            .ToList();
        return new AwarenessReport(villageRows, townships, Sum("", region?.Name ?? "合计", null, villageRows));
    }

    /// <summary>
    /// The quiz's 知晓率 over the whole scope and region in one grouped query, counted as <see cref="GetAsync"/> counts
    /// its total (all attempts), for the dashboard, which needs no village rows.
    /// </summary>
    public async Task<AwarenessRate> TotalAsync(StaffScope scope, RegionPick? region, int quizId, CancellationToken cancellationToken)
    {
        var households = db.Set<Household>().AsNoTracking().WithinScope(scope, region);
        var answered = await (from h in households
                              join attempt in db.Set<QuizAttempt>().AsNoTracking() on h.Id equals attempt.HouseholdId
                              where attempt.QuizId == quizId
                              select new { AllCorrect = attempt.AllCorrect ? 1 : 0, AllCorrectPoor = attempt.AllCorrect && h.IsRegisteredPoor ? 1 : 0 })
            .GroupBy(row => 1)
            .Select(group => new { Answered = group.Count(), AllCorrect = group.Sum(row => row.AllCorrect), AllCorrectPoor = group.Sum(row => row.AllCorrectPoor) })
            .FirstOrDefaultAsync(cancellationToken);
        var poor = await households.CountAsync(h => h.IsRegisteredPoor, cancellationToken);
        return new AwarenessRate(answered?.AllCorrect ?? 0, answered?.Answered ?? 0, poor, answered?.AllCorrectPoor ?? 0);
    }

    private async Task<Dictionary<string, string>> TownshipNamesAsync(List<string> codes, CancellationToken cancellationToken) =>
        await db.Set<Region>().AsNoTracking().Where(region => codes.Contains(region.Code)).ToDictionaryAsync(region => region.Code, region => region.Name, cancellationToken);

    private static AwarenessRow Sum(string code, string name, string? township, IEnumerable<AwarenessRow> rows)
    {
        var list = rows.ToList();
        return new AwarenessRow(
            code,
            name,
            township,
            new AwarenessRate(list.Sum(r => r.Rate.AllCorrect), list.Sum(r => r.Rate.Answered), list.Sum(r => r.Rate.RegisteredPoor), list.Sum(r => r.Rate.AllCorrectRegisteredPoor)),
            list.Sum(r => r.FlaggedLiterate),
            list.Sum(r => r.QuizLiterate),
            list.Sum(r => r.HouseholdsWithLiterate));
    }
}
