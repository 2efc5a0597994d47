using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>Queues a question the bot could not answer with confidence, for the back office.</summary>
public sealed class RecordUnansweredQuestionCommand(IDbContextFactory<PolicyAssistantDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxStoredLength = 500;

    public async Task RecordAsync(string text, string channelId, UnansweredReason reason, string? bestGuessEntryId, double confidence, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new UnansweredQuestion
        {
            Text = PersonalDataRedaction.Mask(text.Length > MaxStoredLength ? text[..MaxStoredLength] : text)!,
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

/// <summary>
/// Closes an unanswered question: pointing it at an entry adds its wording to that entry's question
/// variants, so the next household asking the same way gets the answer.
/// </summary>
public sealed class ResolveUnansweredQuestionCommand(PolicyAssistantDbContext db, EditKnowledgeBaseCommand edit)
{
    public async Task<KnowledgeEditResult> AssignAsync(long questionId, string entryId, CancellationToken cancellationToken)
    {
        var question = await db.Set<UnansweredQuestion>().FindAsync([questionId], cancellationToken);
        var entry = await db.Set<KnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (question is null || entry is null)
        {
            return new KnowledgeEditResult.NotFound(question is null ? questionId.ToString(System.Globalization.CultureInfo.InvariantCulture) : entryId);
        }

        if (!entry.Questions.Contains(question.Text))
        {
            entry.Questions = [.. entry.Questions, question.Text];
        }

        question.Status = UnansweredStatus.Resolved;
        question.ResolvedEntryId = entryId;
        return await edit.SaveEntryAsync(entry, isNew: false, cancellationToken);
    }

    public async Task<KnowledgeEditResult> DismissAsync(long questionId, CancellationToken cancellationToken)
    {
        var question = await db.Set<UnansweredQuestion>().FindAsync([questionId], cancellationToken);
        if (question is null)
        {
            return new KnowledgeEditResult.NotFound(questionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        question.Status = UnansweredStatus.Dismissed;
        await db.SaveChangesAsync(cancellationToken);
        return new KnowledgeEditResult.Saved(question.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
