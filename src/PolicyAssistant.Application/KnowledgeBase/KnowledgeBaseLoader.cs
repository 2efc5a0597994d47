using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>Rebuilds the search index from the database: at start, and after staff change the word lists.</summary>
public sealed class KnowledgeBaseLoader(IDbContextFactory<PolicyAssistantDbContext> dbFactory, KnowledgeIndex index)
{
    public async Task RebuildIndexAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Set<KnowledgeEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var lists = await db.Set<VocabularyDocument>().AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Text, cancellationToken);
        var vocabulary = KnowledgeVocabulary.Parse(
            lists.GetValueOrDefault(VocabularyDocument.Dictionary, ""),
            lists.GetValueOrDefault(VocabularyDocument.Synonyms, ""));
        index.Rebuild(entries, vocabulary);
    }
}

internal sealed class BuildSearchIndexTask(KnowledgeBaseLoader loader) : Startup.IStartupTask
{
    public int Order => Startup.StartupTaskOrder.SearchIndex;

    public Task RunAsync(CancellationToken cancellationToken) => loader.RebuildIndexAsync(cancellationToken);
}
