using Microsoft.Extensions.Options;

namespace PolicyAssistant.Application.Retention;

/// <summary>How long records holding what households said or were sent are kept ("Retention" section).</summary>
public sealed class RetentionOptions
{
    /// <summary>WeChat's inbound rows (retry and replay keys, stored replies): needed for minutes, kept a little longer to trace faults.</summary>
    public TimeSpan WeChatInbound { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Conversation transcripts: what the back office reads to answer tickets and improve the answers.</summary>
    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(180);

    /// <summary>SMS texts in and out (finished ones only), continuations and the embedded outbox.</summary>
    public TimeSpan SmsMessages { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Binding lookups and failures (user and ID number as keyed hashes): the lookup limits need an hour, administrators a few months.</summary>
    public TimeSpan BindingAttempts { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so the SQLite writer is never held long by a prune.</summary>
    public int BatchSize { get; set; } = 2_000;
}

public static class RetentionSetup
{
    /// <summary>Personal data is kept no longer than needed: a worker prunes old messages and transcripts every hour.</summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration("Retention");
        builder.Services.AddSingleton<PruneExpiredRecordsCommand>();
        builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }
}

internal sealed class RetentionWorker(PruneExpiredRecordsCommand prune, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var pruned = await prune.RunAsync(stoppingToken);
                if (pruned.Total > 0)
                {
                    logger.LogInformation("Pruned expired records: {Pruned}.", pruned);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next round tries again; a failed prune loses nothing.
                logger.LogError(exception, "Pruning expired records failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
