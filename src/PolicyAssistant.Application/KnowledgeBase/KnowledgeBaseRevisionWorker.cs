using Microsoft.Extensions.Options;

namespace PolicyAssistant.Application.KnowledgeBase;

public sealed class KnowledgeBaseOptions
{
    /// <summary>How often an instance checks whether another one changed the knowledge base.</summary>
    public TimeSpan RevisionPollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often counted hits are written to the database.</summary>
    public TimeSpan HitFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Reloads the index when another instance changed the knowledge base, checking every <see cref="KnowledgeBaseOptions.RevisionPollInterval"/>.</summary>
internal sealed partial class KnowledgeBaseRevisionWorker(
    KnowledgeBaseLoader loader,
    IOptions<KnowledgeBaseOptions> options,
    ILogger<KnowledgeBaseRevisionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevisionPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await loader.RefreshIfChangedAsync(stoppingToken))
                    {
                        LogReloaded(logger, loader.LoadedRevision);
                    }
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                {
                    // The database is away for a moment: keep answering from the index as it is and look again.
                    LogPollFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Knowledge base changed elsewhere; index reloaded at revision {Revision}.")]
    private static partial void LogReloaded(ILogger logger, long revision);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Knowledge base revision could not be read.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
