using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Transcripts;

public enum TranscriptDirection
{
    Incoming,
    Outgoing,
}

/// <summary>
/// One activity as the transcript keeps it. <see cref="Text"/> is what a household wrote: personal
/// data, kept for the back office's unanswered questions and audits, never written to a log.
/// </summary>
public sealed record TranscriptEntry(
    string ChannelId,
    string ConversationId,
    TranscriptDirection Direction,
    string Type,
    string? Text,
    string? ActivityId,
    DateTimeOffset Timestamp)
{
    public static TranscriptEntry From(Activity activity, TranscriptDirection direction) =>
        new(activity.ChannelId, activity.ConversationId, direction, activity.Type, activity.Text, activity.Id, activity.Timestamp.ToUniversalTime());
}

public interface ITranscriptStore
{
    Task LogActivitiesAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>A conversation's entries in the order they were logged.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
