using Microsoft.Extensions.Logging;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Transcripts;

/// <summary>
/// Writes the incoming activity and the turn's replies to the transcript in one batch after the turn,
/// also when the turn failed. The reply does not wait for that write: the transcript is a record of
/// the conversation, not part of the answer, and waiting for it made the slowest answers several times
/// slower under load. A transcript that cannot be written is logged and does not cost the household
/// its answer.
/// </summary>
public sealed partial class TranscriptLoggerMiddleware(ITranscriptStore store, ILogger<TranscriptLoggerMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            _ = LogTurnAsync(turnContext);
        }
    }

    private async Task LogTurnAsync(ITurnContext turnContext)
    {
        List<TranscriptEntry> entries =
        [
            TranscriptEntry.From(turnContext.Activity, TranscriptDirection.Incoming),
            .. turnContext.Replies.Select(reply => TranscriptEntry.From(reply, TranscriptDirection.Outgoing)),
        ];

        try
        {
            // Not the turn's token: an audit record should outlive a caller that hung up.
            await store.LogActivitiesAsync(entries, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogTranscriptNotWritten(logger, turnContext.Activity.ChannelId, entries.Count, ExceptionSummary.Describe(exception));
        }
    }

    [LoggerMessage(EventId = ConversationLogEvents.TranscriptNotWritten, Level = LogLevel.Error, Message = "{Count} transcript entries of a turn on {ChannelId} were not written. {Exception}")]
    private static partial void LogTranscriptNotWritten(ILogger logger, string channelId, int count, string exception);
}
