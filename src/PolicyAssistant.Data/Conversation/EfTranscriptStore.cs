using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Data.Conversation;

public sealed class EfTranscriptStore(IDbContextFactory<PolicyAssistantDbContext> contextFactory) : ITranscriptStore
{
    public async Task LogActivitiesAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Set<TranscriptRecord>().AddRange(entries.Select(entry => new TranscriptRecord
        {
            ChannelId = entry.ChannelId,
            ConversationId = entry.ConversationId,
            Direction = entry.Direction,
            Type = entry.Type,
            Text = Storable(entry.Text),
            ActivityId = entry.ActivityId,
            Timestamp = entry.Timestamp.UtcDateTime,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<TranscriptRecord>()
            .AsNoTracking()
            .Where(record => record.ChannelId == channelId && record.ConversationId == conversationId)
            .OrderBy(record => record.Id)
            .Select(record => new TranscriptEntry(record.ChannelId, record.ConversationId, record.Direction, record.Type, record.Text, record.ActivityId, new DateTimeOffset(DateTime.SpecifyKind(record.Timestamp, DateTimeKind.Utc))))
            .ToListAsync(cancellationToken);
    }

    public async Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<TranscriptRecord>()
            .Where(record => record.ChannelId == channelId && record.ConversationId == conversationId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL text cannot hold NUL, and neither database can hold half an emoji (a lone surrogate
    /// left by a cut message): both become U+FFFD so that the rest of the message is kept.
    /// </summary>
    private static string? Storable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
