using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.State;

/// <summary>
/// Saves the changed state after the bot has run. A turn that throws saves nothing, so a half-done
/// dialog step is asked again rather than skipped.
/// </summary>
public sealed class AutoSaveStateMiddleware(params IEnumerable<BotState> botStates) : IMiddleware
{
    private readonly BotState[] _botStates = botStates.ToArray();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        await next(cancellationToken);
        foreach (var botState in _botStates)
        {
            await botState.SaveChangesAsync(turnContext, cancellationToken);
        }
    }
}
