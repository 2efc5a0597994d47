using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>
/// What makes unanswered questions "the same question": their search terms after folding, segmentation, stop words
/// and synonyms, sorted and without repeats (住院要交押金吗 and 住院交不交押金 both become 住院 押金). A question with no
/// search term falls back to its folded letters and digits. Staff see the key, so the grouping explains itself.
/// </summary>
public static class UnansweredGroupKey
{
    public const int MaxLength = 200;

    public static string Of(KnowledgeIndex index, string question)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Of(index.Analyze(question), question);
    }

    /// <param name="terms">The question's search terms, when the search already analysed it.</param>
    public static string Of(IReadOnlyList<string> terms, string question)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sorted = terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var key = sorted.Count > 0 ? string.Join(' ', sorted) : new string(TextFolding.Fold(question).Where(char.IsLetterOrDigit).ToArray());
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }
}

/// <summary>Queues a question the bot could not answer with confidence, for the back office.</summary>
public sealed class RecordUnansweredQuestionCommand(IDbContextFactory<PolicyAssistantDbContext> dbFactory, KnowledgeIndex index, TimeProvider clock)
{
    public const int MaxStoredLength = 500;

    /// <param name="terms">The question's search terms from the answer selection, so the group key costs no second analysis.</param>
    public async Task RecordAsync(string text, string channelId, UnansweredReason reason, string? bestGuessEntryId, double confidence, CancellationToken cancellationToken, IReadOnlyList<string>? terms = null)
    {
        var cut = text.Length > MaxStoredLength ? text[..MaxStoredLength] : text;
        var stored = PersonalDataRedaction.Mask(cut)!;

        // Terms of a text that held an ID number or a phone would keep it unmasked: analyse the masked text instead.
        var groupKey = terms is { Count: > 0 } && stored == cut ? UnansweredGroupKey.Of(terms, stored) : UnansweredGroupKey.Of(index, stored);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new UnansweredQuestion
        {
            Text = stored,
            GroupKey = groupKey,
            ChannelId = channelId,
            Reason = reason,
            BestGuessEntryId = bestGuessEntryId,
            Confidence = confidence,
            AskedAt = clock.GetUtcNow(),
            Status = UnansweredStatus.Open,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <param name="Key">The shared terms (see <see cref="UnansweredGroupKey"/>).</param>
/// <param name="Questions">The group's distinct wordings, most recent first, at most <see cref="GetUnansweredGroupsQuery.WordingsShown"/>.</param>
public sealed record UnansweredGroup(
    string Key,
    int Count,
    DateTimeOffset FirstAskedAt,
    DateTimeOffset LastAskedAt,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Questions,
    string? BestGuessEntryId);

public sealed record UnansweredGroupPage(IReadOnlyList<UnansweredGroup> Groups, int Page, int PageCount, int GroupCount);

/// <summary>The open unanswered questions grouped, the most asked first, a page at a time: a few grouped queries whatever the queue's length.</summary>
public sealed class GetUnansweredGroupsQuery(PolicyAssistantDbContext db)
{
    public const int PageSize = 30;
    public const int WordingsShown = 5;

    public async Task<UnansweredGroupPage> GetAsync(int page, CancellationToken cancellationToken)
    {
        var open = db.Set<UnansweredQuestion>().AsNoTracking().Where(q => q.Status == UnansweredStatus.Open && q.GroupKey != null);
        var groupCount = await open.Select(q => q.GroupKey).Distinct().CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (groupCount + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);

        // Ids grow with time, so the first and last question of a group are its smallest and largest id.
        var groups = await open.GroupBy(q => q.GroupKey!)
            .Select(g => new { Key = g.Key, Count = g.Count(), FirstId = g.Min(q => q.Id), LastId = g.Max(q => q.Id) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var keys = groups.Select(g => g.Key).ToList();
        var ends = groups.SelectMany(g => new[] { g.FirstId, g.LastId }).ToList();
        var endRows = await open.Where(q => ends.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        var channels = (await open.Where(q => keys.Contains(q.GroupKey!)).Select(q => new { q.GroupKey, q.ChannelId }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(c => c.GroupKey!, c => c.ChannelId);
        var wordings = (await open.Where(q => keys.Contains(q.GroupKey!))
                .GroupBy(q => new { q.GroupKey, q.Text })
                .Select(g => new { g.Key.GroupKey, g.Key.Text, Last = g.Max(q => q.Id) })
                .ToListAsync(cancellationToken))
            .ToLookup(w => w.GroupKey!);
        return new UnansweredGroupPage(
            groups.Select(g => new UnansweredGroup(
                g.Key,
                g.Count,
                endRows[g.FirstId].AskedAt,
                endRows[g.LastId].AskedAt,
                channels[g.Key].Order(StringComparer.Ordinal).ToList(),
                wordings[g.Key].OrderByDescending(w => w.Last).Take(WordingsShown).Select(w => w.Text).ToList(),
                endRows[g.LastId].BestGuessEntryId)).ToList(),
            page,
            pageCount,
            groupCount);
    }
}

/// <summary>
/// Closes a group of unanswered questions: as question variants of an existing entry (the next household asking
/// that way gets the answer), as the start of a new entry, or as handled with nothing to add.
/// </summary>
public sealed class ResolveUnansweredQuestionCommand(PolicyAssistantDbContext db, EditKnowledgeBaseCommand edit)
{
    /// <summary>At most this many wordings of one group become variants: a group asked a thousand ways needs an editor, not a list.</summary>
    public const int MaxVariants = 20;

    /// <summary>The group's distinct wordings, most asked first, to prefill a new entry's questions.</summary>
    public async Task<IReadOnlyList<string>> WordingsAsync(string groupKey, CancellationToken cancellationToken) =>
        await Open(groupKey).GroupBy(q => q.Text)
            .Select(g => new { Text = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Text)
            .Take(MaxVariants)
            .Select(g => g.Text)
            .ToListAsync(cancellationToken);

    public async Task<KnowledgeEditResult> AddToEntryAsync(string groupKey, string entryId, string staffId, CancellationToken cancellationToken)
    {
        var wordings = await WordingsAsync(groupKey, cancellationToken);
        var entry = await db.Set<KnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (wordings.Count == 0 || entry is null)
        {
            return new KnowledgeEditResult.NotFound(wordings.Count == 0 ? groupKey : entryId);
        }

        entry.Questions = [.. entry.Questions.Union(wordings, StringComparer.Ordinal)];
        var saved = await edit.SaveEntryAsync(entry, staffId, cancellationToken);
        if (saved is KnowledgeEditResult.Saved)
        {
            await MarkResolvedAsync(groupKey, entryId, cancellationToken);
        }

        return saved;
    }

    /// <summary>Closes the group as answered by <paramref name="entryId"/> (a new entry written from it).</summary>
    public Task<int> MarkResolvedAsync(string groupKey, string entryId, CancellationToken cancellationToken) =>
        Open(groupKey).ExecuteUpdateAsync(
            q => q.SetProperty(x => x.Status, UnansweredStatus.Resolved).SetProperty(x => x.ResolvedEntryId, entryId),
            cancellationToken);

    public async Task<KnowledgeEditResult> DismissAsync(string groupKey, CancellationToken cancellationToken) =>
        await Open(groupKey).ExecuteUpdateAsync(q => q.SetProperty(x => x.Status, UnansweredStatus.Dismissed), cancellationToken) > 0
            ? new KnowledgeEditResult.Saved(groupKey)
            : new KnowledgeEditResult.NotFound(groupKey);

    private IQueryable<UnansweredQuestion> Open(string groupKey) =>
        db.Set<UnansweredQuestion>().Where(q => q.Status == UnansweredStatus.Open && q.GroupKey == groupKey);
}

/// <summary>Gives questions queued before grouping existed their group key; needs the index's analysis, so it runs after it is built.</summary>
internal sealed class GroupUnansweredQuestionsTask(PolicyAssistantDbContext db, KnowledgeIndex index) : IStartupTask
{
    private const int Batch = 500;

    public int Order => StartupTaskOrder.SearchIndex + 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await db.Set<UnansweredQuestion>().Where(q => q.GroupKey == null).OrderBy(q => q.Id).Take(Batch).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var question in batch)
            {
                question.GroupKey = UnansweredGroupKey.Of(index, question.Text);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
