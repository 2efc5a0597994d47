using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Conversation.Tests.Turns;

public sealed class ErrorHandlingMiddlewareTests
{
    [Fact]
    public Task Turn_BotThrows_RepliesTheApology() =>
        new TestFlow(new FailingBot(), new ErrorHandlingMiddleware(NullLogger<ErrorHandlingMiddleware>.Instance))
            .Send("我家4522011990010112X3的报销进度").AssertReply("抱歉，系统出了点问题，请稍后再试，或拨打12345。")
            .StartTestAsync();

    [Fact]
    public async Task Turn_BotThrows_LogsAnErrorWithItsEventIdAndNoPersonalData()
    {
        var logger = new ListLogger<ErrorHandlingMiddleware>();

        await new TestFlow(new FailingBot(), new ErrorHandlingMiddleware(logger))
            .Send("我家4522011990010112X3的报销进度").AssertReply(ErrorHandlingMiddleware.Apology)
            .StartTestAsync();

        var line = Assert.Single(logger.Lines);
        Assert.Equal((LogLevel.Error, ConversationLogEvents.TurnFailed), (line.Level, line.EventId.Id));
        Assert.Contains(typeof(KeyNotFoundException).FullName!, line.Message);
        Assert.DoesNotContain("4522011990010112X3", line.Message);
        Assert.DoesNotContain(TestFlow.User.Id, line.Message);
    }

    [Fact]
    public Task Turn_BotSucceeds_PassesRepliesThrough() =>
        new TestFlow(new GreetingBot(), new ErrorHandlingMiddleware(NullLogger<ErrorHandlingMiddleware>.Instance))
            .Send("你好").AssertReply("您好，请问有什么可以帮您？")
            .StartTestAsync();

    [Fact]
    public async Task Turn_CallerCancelled_CancellationIsNotSwallowed()
    {
        var processor = new TurnProcessor([new ErrorHandlingMiddleware(NullLogger<ErrorHandlingMiddleware>.Instance)], new SlowBot());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessActivityAsync(TestFlow.Message("你好"), cancellation.Token));
    }

    /// <summary>Fails the way real bugs leak data: the exception message quotes the user's id and text.</summary>
    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(
                "Lookup failed",
                new KeyNotFoundException($"The given key '{turnContext.Activity.From.Id}:{turnContext.Activity.Text}' was not present."));
    }

    private sealed class GreetingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendTextAsync("您好，请问有什么可以帮您？", cancellationToken);
    }

    private sealed class SlowBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
