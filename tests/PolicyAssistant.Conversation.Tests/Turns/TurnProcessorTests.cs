using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Tests.Turns;

public sealed class TurnProcessorTests
{
    [Fact]
    public async Task ProcessActivityAsync_TwoMessagesOfOneConversationAtOnce_RunOneAfterTheOther()
    {
        var bot = new OverlapRecordingBot();
        var turns = new TurnProcessor([], bot);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => turns.ProcessActivityAsync(Message("same-user", $"消息{i}"), CancellationToken.None))));

        Assert.Equal(1, bot.MaxConcurrent);
        Assert.Equal(8, bot.Turns);
    }

    [Fact]
    public async Task ProcessActivityAsync_MessagesOfDifferentConversations_RunTogether()
    {
        var bot = new OverlapRecordingBot();
        var turns = new TurnProcessor([], bot);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => turns.ProcessActivityAsync(Message($"user-{i}", "你好"), CancellationToken.None))));

        Assert.True(bot.MaxConcurrent > 1, "turns of different conversations should not wait for each other");
    }

    private static Activity Message(string user, string text) =>
        Activity.CreateMessage("web", user, new ChannelAccount(user), new ChannelAccount("bot"), text);

    /// <summary>Holds each turn open until several have had the chance to start, and counts how many overlapped.</summary>
    private sealed class OverlapRecordingBot : IBot
    {
        private int _running;
        private int _maxConcurrent;
        private int _turns;

        public int MaxConcurrent => _maxConcurrent;

        public int Turns => _turns;

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _maxConcurrent, running);
            await Task.Delay(50, cancellationToken);
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _turns);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
