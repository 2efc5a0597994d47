using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Conversation.Tests.State;

public sealed class AutoSaveStateMiddlewareTests
{
    private const string ConversationKey = "test/conversations/conversation-1";
    private const string UserKey = "test/users/user-1";

    [Fact]
    public Task Turns_StateChangedByTheBot_IsThereNextTurn() =>
        CreateFlow(new MemoryStorage())
            .Send("加一").AssertReply("第1次，累计1次")
            .Send("加一").AssertReply("第2次，累计2次")
            .Send("查看").AssertReply("第2次，累计2次")
            .StartTestAsync();

    [Fact]
    public async Task Turn_OnlyReadingState_WritesNothing()
    {
        var storage = new MemoryStorage();
        await CreateFlow(storage).Send("加一").AssertReply("第1次，累计1次").StartTestAsync();
        var before = await storage.ReadAsync([ConversationKey, UserKey], CancellationToken.None);

        await CreateFlow(storage).Send("查看").AssertReply("第1次，累计1次").StartTestAsync();

        Assert.Equal(before, await storage.ReadAsync([ConversationKey, UserKey], CancellationToken.None));
    }

    [Fact]
    public async Task Turn_ChangingOnlyConversationState_WritesOnlyThatDocument()
    {
        var storage = new MemoryStorage();
        await CreateFlow(storage).Send("加一").AssertReply("第1次，累计1次").StartTestAsync();
        var before = await storage.ReadAsync([ConversationKey, UserKey], CancellationToken.None);

        await CreateFlow(storage).Send("重来").AssertReply("第0次，累计1次").StartTestAsync();

        var after = await storage.ReadAsync([ConversationKey, UserKey], CancellationToken.None);
        Assert.NotEqual(before[ConversationKey].ETag, after[ConversationKey].ETag);
        Assert.Equal(before[UserKey], after[UserKey]);
    }

    [Fact]
    public async Task Turn_BotThrows_SavesNothing()
    {
        var storage = new MemoryStorage();
        var flow = CreateFlow(storage).Send("加一").AssertReply("第1次，累计1次").Send("加一后出错");

        await Assert.ThrowsAsync<InvalidOperationException>(flow.StartTestAsync);
        Assert.Equal("""{"Count":1}""", (await storage.ReadAsync([ConversationKey], CancellationToken.None))[ConversationKey].Json);
    }

    private static TestFlow CreateFlow(IStorage storage)
    {
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        return new TestFlow(new CounterBot(conversationState, userState), new AutoSaveStateMiddleware(conversationState, userState));
    }

    /// <summary>Counts "加一" per conversation and per user; "重来" resets the conversation count only.</summary>
    private sealed class CounterBot(ConversationState conversationState, UserState userState) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = conversationState.CreateProperty<int>("Count");
        private readonly IStatePropertyAccessor<UserTally> _tally = userState.CreateProperty<UserTally>("Tally");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken);
            var tally = await _tally.GetAsync(turnContext, () => new UserTally(0), cancellationToken);
            if (turnContext.Activity.Text!.StartsWith("加一", StringComparison.Ordinal))
            {
                (count, tally) = (count + 1, tally with { Total = tally.Total + 1 });
                await _count.SetAsync(turnContext, count, cancellationToken);
                await _tally.SetAsync(turnContext, tally, cancellationToken);
            }
            else if (turnContext.Activity.Text == "重来")
            {
                count = 0;
                await _count.SetAsync(turnContext, count, cancellationToken);
            }

            if (turnContext.Activity.Text.EndsWith("出错", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A bug after the state changed.");
            }

            await turnContext.SendTextAsync($"第{count}次，累计{tally.Total}次", cancellationToken);
        }
    }

    private sealed record UserTally(int Total);
}
