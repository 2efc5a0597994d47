using System.Security.Cryptography;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;

namespace PolicyAssistant.Application.KnowledgeBase;

public abstract record KnowledgeEditResult
{
    public sealed record Saved(string Id) : KnowledgeEditResult;

    public sealed record NotFound(string Id) : KnowledgeEditResult;

    public sealed record Invalid(IReadOnlyList<string> Errors) : KnowledgeEditResult;
}

/// <summary>
/// What staff do to the knowledge base. Each change is committed to the database with a new version of the entry
/// and a new knowledge-base revision in one transaction, then applied to this instance's live index, so the bot
/// answers from it on the next message; other instances see the revision and reload (<see cref="KnowledgeBaseRevisionWorker"/>).
/// Only published entries are in the index: a draft is kept and versioned but never answered.
/// </summary>
public sealed class EditKnowledgeBaseCommand(PolicyAssistantDbContext db, KnowledgeBaseLoader loader, TimeProvider clock)
{
    private const string IdPrefix = "kb-";

    /// <summary>Creates a draft with a generated id; staff never type an id.</summary>
    /// <param name="staffId">The editor's id (their NameIdentifier claim).</param>
    public async Task<KnowledgeEditResult> CreateEntryAsync(KnowledgeEntry draft, string staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Validate(draft) is { Count: > 0 } errors)
        {
            return new KnowledgeEditResult.Invalid(errors);
        }

        do
        {
            draft.Id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        }
        while (await db.Set<KnowledgeEntry>().AnyAsync(e => e.Id == draft.Id, cancellationToken));

        draft.Draft = true;
        draft.EditedInBackOffice = true;
        draft.ContentHash = "";
        draft.UpdatedAt = clock.GetUtcNow();
        db.Add(draft);
        await CommitAsync(draft, KnowledgeChange.Created, staffId, restored: null, cancellationToken);
        return new KnowledgeEditResult.Saved(draft.Id);
    }

    /// <summary>Saves the text of an entry; a published entry stays published and is answered with the new text at once.</summary>
    public async Task<KnowledgeEditResult> SaveEntryAsync(KnowledgeEntry edited, string? staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edited);
        if (Validate(edited) is { Count: > 0 } errors)
        {
            return new KnowledgeEditResult.Invalid(errors);
        }

        var existing = await db.Set<KnowledgeEntry>().FindAsync([edited.Id], cancellationToken);
        if (existing is null)
        {
            return new KnowledgeEditResult.NotFound(edited.Id);
        }

        CopyText(edited, existing);
        await SaveChangeAsync(existing, KnowledgeChange.Edited, staffId, restored: null, cancellationToken);
        return new KnowledgeEditResult.Saved(existing.Id);
    }

    public Task<KnowledgeEditResult> PublishAsync(string id, string staffId, CancellationToken cancellationToken) =>
        SetDraftAsync(id, draft: false, KnowledgeChange.Published, staffId, cancellationToken);

    public Task<KnowledgeEditResult> UnpublishAsync(string id, string staffId, CancellationToken cancellationToken) =>
        SetDraftAsync(id, draft: true, KnowledgeChange.Unpublished, staffId, cancellationToken);

    /// <summary>
    /// Brings back the text of an earlier version as a new version. Whether the entry is published does not change:
    /// a published entry is answered with the restored text at once.
    /// </summary>
    public async Task<KnowledgeEditResult> RollBackAsync(string id, int number, string staffId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<KnowledgeEntry>().FindAsync([id], cancellationToken);
        var version = await db.Set<KnowledgeEntryVersion>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.EntryId == id && v.Number == number, cancellationToken);
        if (existing is null || version is null)
        {
            return new KnowledgeEditResult.NotFound(id);
        }

        CopyText(KnowledgeEntrySnapshot.FromJson(version.Snapshot), existing);
        await SaveChangeAsync(existing, KnowledgeChange.RolledBack, staffId, restored: number, cancellationToken);
        return new KnowledgeEditResult.Saved(id);
    }

    public async Task<KnowledgeEditResult> DeleteEntryAsync(string id, CancellationToken cancellationToken)
    {
        var existing = await db.Set<KnowledgeEntry>().FindAsync([id], cancellationToken);
        if (existing is null)
        {
            return new KnowledgeEditResult.NotFound(id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = await IncrementRevisionAsync(cancellationToken);
        db.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<KnowledgeEntryVersion>().Where(v => v.EntryId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<KnowledgeEntryHits>().Where(h => h.EntryId == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await loader.ApplyAsync(revision, index => index.Remove(id), cancellationToken);
        return new KnowledgeEditResult.Saved(id);
    }

    /// <summary>Replaces a word list; the whole index is rebuilt with the new analysis, here and on every other instance.</summary>
    public async Task<KnowledgeEditResult> SaveVocabularyAsync(string name, string text, CancellationToken cancellationToken)
    {
        if (name is not (VocabularyDocument.Dictionary or VocabularyDocument.Synonyms))
        {
            return new KnowledgeEditResult.NotFound(name);
        }

        var parsed = name == VocabularyDocument.Dictionary ? KnowledgeVocabulary.Parse(text, "") : KnowledgeVocabulary.Parse("", text);
        if (parsed.Errors.Count > 0)
        {
            return new KnowledgeEditResult.Invalid(parsed.Errors.Select(e => $"第 {e.Line} 行：{e.Message}").ToList());
        }

        var document = await db.Set<VocabularyDocument>().FindAsync([name], cancellationToken);
        if (document is null)
        {
            document = new VocabularyDocument { Name = name };
            db.Add(document);
        }

        document.Text = text;
        document.EditedInBackOffice = true;
        document.UpdatedAt = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await IncrementRevisionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await loader.RebuildIndexAsync(cancellationToken);
        return new KnowledgeEditResult.Saved(name);
    }

    private async Task<KnowledgeEditResult> SetDraftAsync(string id, bool draft, KnowledgeChange change, string staffId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<KnowledgeEntry>().FindAsync([id], cancellationToken);
        if (existing is null)
        {
            return new KnowledgeEditResult.NotFound(id);
        }

        existing.Draft = draft;
        await SaveChangeAsync(existing, change, staffId, restored: null, cancellationToken);
        return new KnowledgeEditResult.Saved(id);
    }

    private async Task SaveChangeAsync(KnowledgeEntry existing, KnowledgeChange change, string? staffId, int? restored, CancellationToken cancellationToken)
    {
        existing.EditedInBackOffice = true;
        existing.UpdatedAt = clock.GetUtcNow();
        await CommitAsync(existing, change, staffId, restored, cancellationToken);
    }

    private async Task CommitAsync(KnowledgeEntry entry, KnowledgeChange change, string? staffId, int? restored, CancellationToken cancellationToken)
    {
        long revision;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            revision = await IncrementRevisionAsync(cancellationToken);
            var versions = db.Set<KnowledgeEntryVersion>();
            var last = await versions.Where(v => v.EntryId == entry.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
            if (last == 0 && change != KnowledgeChange.Created)
            {
                // The first back-office change of an imported entry keeps the imported text as version 1, so it can be compared and restored.
                var imported = (KnowledgeEntry)db.Entry(entry).OriginalValues.ToObject();
                versions.Add(NewVersion(imported, ++last, KnowledgeChange.Imported, staffId: null, restored: null, entry.UpdatedAt));
            }

            versions.Add(NewVersion(entry, last + 1, change, staffId, restored, entry.UpdatedAt));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var live = KnowledgeEntrySnapshot.Copy(entry);
        await loader.ApplyAsync(
            revision,
            index =>
            {
                if (live.Draft)
                {
                    index.Remove(live.Id);
                }
                else
                {
                    index.Upsert(live);
                }
            },
            cancellationToken);
    }

    private static KnowledgeEntryVersion NewVersion(KnowledgeEntry entry, int number, KnowledgeChange change, string? staffId, int? restored, DateTimeOffset at) => new()
    {
        EntryId = entry.Id,
        Number = number,
        Change = change,
        StaffId = staffId,
        SavedAt = at,
        RestoredNumber = restored,
        Snapshot = KnowledgeEntrySnapshot.ToJson(entry),
    };

    /// <summary>Increments the knowledge base's revision inside the caller's transaction and returns the new number.</summary>
    private async Task<long> IncrementRevisionAsync(CancellationToken cancellationToken)
    {
        await db.Set<KnowledgeBaseRevision>()
            .Where(r => r.Id == KnowledgeBaseRevision.SingleId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Number, x => x.Number + 1), cancellationToken);
        return await KnowledgeBaseLoader.ReadRevisionAsync(db, cancellationToken);
    }

    // What staff edit; the id, kind, track and whether it is published stay as they are.
    private static void CopyText(KnowledgeEntry from, KnowledgeEntry to)
    {
        to.Title = from.Title;
        to.Summary = from.Summary;
        to.Body = from.Body;
        to.Questions = [.. from.Questions];
        to.Tags = [.. from.Tags];
        to.Regions = [.. from.Regions];
        to.EffectiveFrom = from.EffectiveFrom;
        to.EffectiveTo = from.EffectiveTo;
        to.Source = from.Source;
    }

    private static List<string> Validate(KnowledgeEntry entry)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(entry.Title))
        {
            errors.Add("请填写标题。");
        }

        if (string.IsNullOrWhiteSpace(entry.Summary))
        {
            errors.Add("请填写简短回答。");
        }

        if (entry.EffectiveFrom is { } from && entry.EffectiveTo is { } to && to < from)
        {
            errors.Add("失效日期不能早于生效日期。");
        }

        return errors;
    }
}
