using System.Security.Cryptography;
using System.Text;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Content;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>
/// Brings content/ into the database at start. The database is the source of truth once staff edit
/// an entry: a file never overwrites an entry edited in the back office, and an entry created there
/// (no file behind it) is never removed. Otherwise a changed file updates its entry, a new file adds
/// one, and a deleted file removes its entry. The word lists follow the same rule.
/// </summary>
internal sealed partial class ImportContentTask(
    PolicyAssistantDbContext db,
    ContentFolder content,
    TimeProvider clock,
    ILogger<ImportContentTask> logger) : IStartupTask
{
    public int Order => StartupTaskOrder.Content;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var files = KnowledgeFileReader.ReadDirectory(content.KnowledgePath);
        foreach (var error in files.Errors)
        {
            LogFileError(logger, error.ToString());
        }

        var stored = await db.Set<KnowledgeEntry>().ToDictionaryAsync(e => e.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var changes = new ImportCounts();
        foreach (var file in files.Entries)
        {
            if (!stored.Remove(file.Id, out var existing))
            {
                file.UpdatedAt = now;
                db.Add(file);
                changes.Added++;
            }
            else if (existing.ContentHash != file.ContentHash && !existing.EditedInBackOffice)
            {
                db.Entry(existing).CurrentValues.SetValues(file);
                existing.UpdatedAt = now;
                changes.Updated++;
            }
            else if (existing.ContentHash != file.ContentHash)
            {
                changes.KeptEdited++;
            }
        }

        foreach (var orphan in stored.Values.Where(e => e.ContentHash.Length > 0 && !e.EditedInBackOffice))
        {
            db.Remove(orphan);
            changes.Removed++;
        }

        await ImportVocabularyAsync(VocabularyDocument.Dictionary, KnowledgeVocabulary.DictionaryFileName, now, cancellationToken);
        await ImportVocabularyAsync(VocabularyDocument.Synonyms, KnowledgeVocabulary.SynonymsFileName, now, cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            // Instances already running on this database reload what this one imported.
            await db.Set<KnowledgeBaseRevision>()
                .Where(r => r.Id == KnowledgeBaseRevision.SingleId)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Number, x => x.Number + 1), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogImported(logger, changes.Added, changes.Updated, changes.Removed, changes.KeptEdited, files.Errors.Count);
    }

    private async Task ImportVocabularyAsync(string name, string fileName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = Path.Combine(content.Path, fileName);
        if (!File.Exists(path))
        {
            return;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var document = await db.Set<VocabularyDocument>().FindAsync([name], cancellationToken);
        if (document is null)
        {
            db.Add(new VocabularyDocument { Name = name, Text = text, ContentHash = hash, UpdatedAt = now });
        }
        else if (document.ContentHash != hash && !document.EditedInBackOffice)
        {
            document.Text = text;
            document.ContentHash = hash;
            document.UpdatedAt = now;
        }
    }

    private sealed class ImportCounts
    {
        public int Added { get; set; }

        public int Updated { get; set; }

        public int Removed { get; set; }

        public int KeptEdited { get; set; }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Knowledge file skipped: {Error}")]
    private static partial void LogFileError(ILogger logger, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Knowledge base imported: {Added} added, {Updated} updated, {Removed} removed, {KeptEdited} kept as edited in the back office, {Errors} file errors.")]
    private static partial void LogImported(ILogger logger, int added, int updated, int removed, int keptEdited, int errors);
}
