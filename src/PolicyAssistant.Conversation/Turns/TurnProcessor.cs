namespace PolicyAssistant.Conversation.Turns;

/// <summary>
/// Runs one incoming activity through the middleware, in registration order, and then the bot; returns
/// the replies the turn produced. Every channel adapter calls this and nothing else of the engine.
/// Turns of one conversation run one after the other.
/// </summary>
public sealed class TurnProcessor(IEnumerable<IMiddleware> middleware, IBot bot)
{
    private readonly IMiddleware[] _middleware = middleware.ToArray();
    private readonly ConversationTurnLock _turns = new();

    public async Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var turn = await _turns.EnterAsync($"{activity.ChannelId}/{activity.ConversationId}", cancellationToken);
        var turnContext = new TurnContext(activity);
        await RunAsync(turnContext, 0, cancellationToken);
        return turnContext.Replies;
    }

    private Task RunAsync(ITurnContext turnContext, int index, CancellationToken cancellationToken) =>
        index == _middleware.Length
            ? bot.OnTurnAsync(turnContext, cancellationToken)
            : _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, index + 1, ct), cancellationToken);
}
