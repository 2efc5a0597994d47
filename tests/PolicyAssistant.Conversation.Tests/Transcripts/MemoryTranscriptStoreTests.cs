using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Conversation.Tests.Transcripts;

public sealed class MemoryTranscriptStoreTests
{
    [Fact]
    public async Task DeleteTranscriptAsync_RemovesOnlyThatConversation()
    {
        var store = new MemoryTranscriptStore();
        var now = DateTimeOffset.UtcNow;
        await store.LogActivitiesAsync(
            [
                new TranscriptEntry("wechat", "a", TranscriptDirection.Incoming, "message", "你好", "1", now),
                new TranscriptEntry("wechat", "b", TranscriptDirection.Incoming, "message", "你好", "2", now),
            ],
            CancellationToken.None);

        await store.DeleteTranscriptAsync("wechat", "a", CancellationToken.None);

        Assert.Empty(await store.GetTranscriptAsync("wechat", "a", CancellationToken.None));
        Assert.Single(await store.GetTranscriptAsync("wechat", "b", CancellationToken.None));
    }
}
