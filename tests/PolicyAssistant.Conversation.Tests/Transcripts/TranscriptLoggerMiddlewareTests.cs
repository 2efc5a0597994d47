using Microsoft.Extensions.Logging.Abstractions;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Conversation.Tests.Transcripts;

public sealed class TranscriptLoggerMiddlewareTests
{
    [Fact]
    public async Task Turn_WithReplies_LogsIncomingThenOutgoing()
    {
        var store = new MemoryTranscriptStore();

        await new TestFlow(new EchoBot(), new TranscriptLoggerMiddleware(store, NullLogger<TranscriptLoggerMiddleware>.Instance))
            .Send("住院要交押金吗").AssertReply("您问的是：住院要交押金吗").AssertReply("还有别的问题吗？")
            .StartTestAsync();

        var transcript = await store.GetTranscriptAsync(TestFlow.ChannelId, TestFlow.ConversationId, CancellationToken.None);
        Assert.Equal(
            [
                (TranscriptDirection.Incoming, "住院要交押金吗", "m1"),
                (TranscriptDirection.Outgoing, "您问的是：住院要交押金吗", null),
                (TranscriptDirection.Outgoing, "还有别的问题吗？", null),
            ],
            transcript.Select(entry => (entry.Direction, entry.Text, entry.ActivityId)));
    }

    [Fact]
    public async Task Turn_BotThrowsBehindErrorHandling_LogsTheQuestionAndTheApology()
    {
        var store = new MemoryTranscriptStore();

        await new TestFlow(
                new FailingBot(),
                new TranscriptLoggerMiddleware(store, NullLogger<TranscriptLoggerMiddleware>.Instance),
                new ErrorHandlingMiddleware(NullLogger<ErrorHandlingMiddleware>.Instance))
            .Send("我的签约医生是谁").AssertReply(ErrorHandlingMiddleware.Apology)
            .StartTestAsync();

        var transcript = await store.GetTranscriptAsync(TestFlow.ChannelId, TestFlow.ConversationId, CancellationToken.None);
        Assert.Equal(["我的签约医生是谁", ErrorHandlingMiddleware.Apology], transcript.Select(entry => entry.Text));
    }

    [Fact]
    public async Task Turn_StoreFails_HouseholdStillGetsItsAnswerAndTheLogHoldsNoText()
    {
        var logger = new ListLogger<TranscriptLoggerMiddleware>();

        await new TestFlow(new EchoBot(), new TranscriptLoggerMiddleware(new BrokenTranscriptStore(), logger))
            .Send("住院要交押金吗").AssertReply("您问的是：住院要交押金吗").AssertReply("还有别的问题吗？")
            .StartTestAsync();

        var line = Assert.Single(logger.Lines);
        Assert.Equal(ConversationLogEvents.TranscriptNotWritten, line.EventId.Id);
        Assert.DoesNotContain("押金", line.Message);
    }

    private sealed class EchoBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            await turnContext.SendTextAsync($"您问的是：{turnContext.Activity.Text}", cancellationToken);
            await turnContext.SendTextAsync("还有别的问题吗？", cancellationToken);
        }
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => throw new InvalidOperationException("bug");
    }

    /// <summary>A transcript store whose database is down; its error quotes the text, as some drivers do.</summary>
    private sealed class BrokenTranscriptStore : ITranscriptStore
    {
        public Task LogActivitiesAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) =>
            throw new IOException($"could not write '{entries[0].Text}'");

        public Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            throw new IOException("down");

        public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            throw new IOException("down");
    }
}
