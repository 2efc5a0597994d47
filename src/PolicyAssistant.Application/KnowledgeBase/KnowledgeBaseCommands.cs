using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.KnowledgeBase;

public abstract record KnowledgeEditResult
{
    public sealed record Saved(string Id) : KnowledgeEditResult;

    public sealed record NotFound(string Id) : KnowledgeEditResult;

    public sealed record Invalid(IReadOnlyList<string> Errors) : KnowledgeEditResult;
}

/// <summary>
/// What staff do to the knowledge base. Each change is saved to the database first and then applied to
/// the live index, so the bot answers from it on the next message, without a restart.
/// </summary>
public sealed class EditKnowledgeBaseCommand(
    PolicyAssistantDbContext db,
    KnowledgeIndex index,
    KnowledgeBaseLoader loader,
    TimeProvider clock)
{
    public async Task<KnowledgeEditResult> SaveEntryAsync(KnowledgeEntry edited, bool isNew, CancellationToken cancellationToken)
    {
        var errors = Validate(edited);
        if (errors.Count > 0)
        {
            return new KnowledgeEditResult.Invalid(errors);
        }

        var existing = await db.Set<KnowledgeEntry>().FindAsync([edited.Id], cancellationToken);
        if (isNew && existing is not null)
        {
            return new KnowledgeEditResult.Invalid([$"编号 {edited.Id} 已经存在。"]);
        }

        if (!isNew && existing is null)
        {
            return new KnowledgeEditResult.NotFound(edited.Id);
        }

        edited.EditedInBackOffice = true;
        edited.UpdatedAt = clock.GetUtcNow();
        if (existing is null)
        {
            edited.ContentHash = "";
            db.Add(edited);
        }
        else
        {
            edited.ContentHash = existing.ContentHash;
            db.Entry(existing).CurrentValues.SetValues(edited);
        }

        await db.SaveChangesAsync(cancellationToken);
        index.Upsert(edited);
        return new KnowledgeEditResult.Saved(edited.Id);
    }

    public async Task<KnowledgeEditResult> DeleteEntryAsync(string id, CancellationToken cancellationToken)
    {
        var existing = await db.Set<KnowledgeEntry>().FindAsync([id], cancellationToken);
        if (existing is null)
        {
            return new KnowledgeEditResult.NotFound(id);
        }

        db.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        index.Remove(id);
        return new KnowledgeEditResult.Saved(id);
    }

    /// <summary>Replaces a word list; the whole index is rebuilt with the new analysis.</summary>
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
        await db.SaveChangesAsync(cancellationToken);
        await loader.RebuildIndexAsync(cancellationToken);
        return new KnowledgeEditResult.Saved(name);
    }

    private static List<string> Validate(KnowledgeEntry entry)
    {
        var errors = new List<string>();
        if (!System.Text.RegularExpressions.Regex.IsMatch(entry.Id, "^[a-z0-9][a-z0-9-]{0,63}$"))
        {
            errors.Add("编号只能用小写字母、数字和连字符，例如 safety-net。");
        }

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
