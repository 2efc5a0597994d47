using Microsoft.Extensions.Logging;

namespace PolicyAssistant.Conversation.Turns;

/// <summary>
/// Catches a bug anywhere after it in the pipeline, logs it without personal data, and answers with an
/// apology so the household is never left without a reply.
/// </summary>
public sealed partial class ErrorHandlingMiddleware(ILogger<ErrorHandlingMiddleware> logger) : IMiddleware
{
    public const string Apology = "抱歉，系统出了点问题，请稍后再试，或拨打12345。";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            await next(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, turnContext.Activity.ChannelId, turnContext.Activity.Type, ExceptionSummary.Describe(exception));
            await turnContext.SendTextAsync(Apology, cancellationToken);
        }
    }

    [LoggerMessage(EventId = ConversationLogEvents.TurnFailed, Level = LogLevel.Error, Message = "A {ActivityType} turn on {ChannelId} failed; the user got the apology. {Exception}")]
    private static partial void LogTurnFailed(ILogger logger, string channelId, string activityType, string exception);
}
