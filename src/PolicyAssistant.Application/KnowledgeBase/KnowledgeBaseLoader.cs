using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>
/// Keeps the live index in step with the database's published entries, and knows which knowledge-base revision
/// it holds. A change made here is applied in place (<see cref="ApplyAsync"/>); a change another instance made
/// shows as a revision this instance has not loaded, and <see cref="RefreshIfChangedAsync"/> rebuilds from the database.
/// Both go through one lock, so a rebuild never overwrites an edit applied meanwhile with older rows.
/// </summary>
public sealed class KnowledgeBaseLoader(IDbContextFactory<PolicyAssistantDbContext> dbFactory, KnowledgeIndex index)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The revision the index holds; -1 before the first load.</summary>
    public long LoadedRevision { get; private set; } = -1;

    public async Task RebuildIndexAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await RebuildAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Rebuilds when the database's revision differs from the loaded one; true when it did.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await ReadRevisionAsync(db, cancellationToken) == LoadedRevision)
            {
                return false;
            }

            await RebuildAsync(cancellationToken);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Applies a change committed as <paramref name="revision"/> to the index in place when it is the only change
    /// since the loaded revision; otherwise another instance changed something too, and the index is rebuilt.
    /// </summary>
    public async Task ApplyAsync(long revision, Action<KnowledgeIndex> change, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (revision == LoadedRevision + 1)
            {
                change(index);
                LoadedRevision = revision;
            }
            else if (revision > LoadedRevision)
            {
                await RebuildAsync(cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public static async Task<long> ReadRevisionAsync(PolicyAssistantDbContext db, CancellationToken cancellationToken) =>
        await db.Set<KnowledgeBaseRevision>().AsNoTracking()
            .Where(r => r.Id == KnowledgeBaseRevision.SingleId)
            .Select(r => r.Number)
            .SingleOrDefaultAsync(cancellationToken);

    // The revision is read before the rows: a change committed in between is loaded now and applied again
    // later, never missed.
    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revision = await ReadRevisionAsync(db, cancellationToken);
        var entries = await db.Set<KnowledgeEntry>().AsNoTracking().Where(e => !e.Draft).ToListAsync(cancellationToken);
        var lists = await db.Set<VocabularyDocument>().AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Text, cancellationToken);
        var vocabulary = KnowledgeVocabulary.Parse(
            lists.GetValueOrDefault(VocabularyDocument.Dictionary, ""),
            lists.GetValueOrDefault(VocabularyDocument.Synonyms, ""));
        index.Rebuild(entries, vocabulary);
        LoadedRevision = revision;
    }
}

internal sealed class BuildSearchIndexTask(KnowledgeBaseLoader loader) : Startup.IStartupTask
{
    public int Order => Startup.StartupTaskOrder.SearchIndex;

    public Task RunAsync(CancellationToken cancellationToken) => loader.RebuildIndexAsync(cancellationToken);
}
