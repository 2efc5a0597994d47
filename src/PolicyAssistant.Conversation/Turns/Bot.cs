namespace PolicyAssistant.Conversation.Turns;

public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>One step of the turn pipeline; it may act before and after the rest of the pipeline (the <c>next</c> it is given), or stop the turn.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
