using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>A version as the history lists it (the snapshot is read only to compare).</summary>
public sealed record KnowledgeVersionRow(int Number, KnowledgeChange Change, string? StaffId, DateTimeOffset SavedAt, int? RestoredNumber);

/// <summary>Two versions of an entry compared line by line, each field on its own labelled line.</summary>
public sealed record KnowledgeVersionDiff(int From, int To, SideBySideDiffModel SideBySide, DiffPaneModel Inline);

/// <summary>An entry's versions, newest first, and the difference between any two of them.</summary>
public sealed class GetKnowledgeHistoryQuery(PolicyAssistantDbContext db)
{
    public async Task<IReadOnlyList<KnowledgeVersionRow>> VersionsAsync(string entryId, CancellationToken cancellationToken) =>
        await db.Set<KnowledgeEntryVersion>().AsNoTracking()
            .Where(v => v.EntryId == entryId)
            .OrderByDescending(v => v.Number)
            .Select(v => new KnowledgeVersionRow(v.Number, v.Change, v.StaffId, v.SavedAt, v.RestoredNumber))
            .ToListAsync(cancellationToken);

    /// <returns>Null when either version does not exist.</returns>
    public async Task<KnowledgeVersionDiff?> CompareAsync(string entryId, int from, int to, KnowledgeRegions regions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var snapshots = await db.Set<KnowledgeEntryVersion>().AsNoTracking()
            .Where(v => v.EntryId == entryId && (v.Number == from || v.Number == to))
            .ToDictionaryAsync(v => v.Number, v => v.Snapshot, cancellationToken);
        if (!snapshots.TryGetValue(from, out var older) || !snapshots.TryGetValue(to, out var newer))
        {
            return null;
        }

        var oldText = KnowledgeEntrySnapshot.ToText(KnowledgeEntrySnapshot.FromJson(older), regions.NameOf);
        var newText = KnowledgeEntrySnapshot.ToText(KnowledgeEntrySnapshot.FromJson(newer), regions.NameOf);
        var differ = new Differ();
        return new KnowledgeVersionDiff(
            from,
            to,
            new SideBySideDiffBuilder(differ).BuildDiffModel(oldText, newText, ignoreWhitespace: false),
            new InlineDiffBuilder(differ).BuildDiffModel(oldText, newText, ignoreWhitespace: false));
    }
}
