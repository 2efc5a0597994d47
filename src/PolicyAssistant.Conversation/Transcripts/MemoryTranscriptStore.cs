namespace PolicyAssistant.Conversation.Transcripts;

/// <summary>Transcripts in process memory, for tests and the local bot tester.</summary>
public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly List<TranscriptEntry> _entries = [];
    private readonly Lock _lock = new();

    public Task LogActivitiesAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.AddRange(entries);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<TranscriptEntry> found = _entries.Where(entry => entry.ChannelId == channelId && entry.ConversationId == conversationId).ToList();
            return Task.FromResult(found);
        }
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.RemoveAll(entry => entry.ChannelId == channelId && entry.ConversationId == conversationId);
        }

        return Task.CompletedTask;
    }
}
