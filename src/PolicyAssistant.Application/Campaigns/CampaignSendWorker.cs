using System.Diagnostics;
using Microsoft.Extensions.Options;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>
/// Puts approved messages whose time has come into the outbox, then drains it: one loop per channel, each
/// holding its configured rate with a token bucket. Safe on several instances (see <see cref="CampaignSender"/>).
/// </summary>
public sealed class CampaignSendWorker(CampaignSender sender, IServiceScopeFactory scopes, IOptions<CampaignOptions> options, TimeProvider clock, ILogger<CampaignSendWorker> logger) : BackgroundService
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        LoopAsync("schedule", ScheduleAsync, stoppingToken),
        DrainAsync(RecipientChannel.WeChat, options.Value.WeChatRatePerSecond, stoppingToken),
        DrainAsync(RecipientChannel.CustomerService, options.Value.CustomerServiceRatePerSecond, stoppingToken),
        DrainAsync(RecipientChannel.Sms, options.Value.SmsRatePerSecond, stoppingToken));

    private async Task<bool> ScheduleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<CampaignMessage>().Where(m => m.Status == CampaignMessageStatus.Approved && m.SendAt <= now).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            var count = await scope.ServiceProvider.GetRequiredService<EnqueueAudienceCommand>().EnqueueAsync(id, cancellationToken);
            logger.LogInformation("Campaign message {MessageId}: {Count} recipients queued.", id, count);
        }

        await sender.CompleteFinishedAsync(cancellationToken);
        await sender.DeleteSpentTagsAsync(cancellationToken);
        return false;
    }

    /// <summary>
    /// Recipients are claimed a quarter of a second's worth at a time. Claimed as each token came, a 50/s drain made
    /// 50 claims, hand-overs and SMS dispatches a second, each a write that the webhook's writes queued behind.
    /// </summary>
    private static readonly TimeSpan ClaimEvery = TimeSpan.FromMilliseconds(250);

    private Task DrainAsync(RecipientChannel channel, double rate, CancellationToken stoppingToken)
    {
        var bucket = new TokenBucket(rate, _watch.Elapsed);
        var batch = channel switch
        {
            RecipientChannel.WeChat => options.Value.WeChatBatchSize,
            RecipientChannel.CustomerService => options.Value.CustomerServiceBatchSize,
            _ => options.Value.SmsBatchSize,
        };
        var perClaim = Math.Clamp((int)(rate * ClaimEvery.TotalSeconds), 1, Math.Max(batch, 1));
        return LoopAsync(channel.ToString(), async cancellationToken =>
        {
            var wait = bucket.Until(perClaim, _watch.Elapsed);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var tokens = bucket.Take(batch, _watch.Elapsed);
            if (tokens == 0)
            {
                // The wait ended a hair before the token was whole (timers round): that is no sign of an empty
                // outbox, and sleeping a poll interval on it halved the rate.
                return true;
            }

            var claimed = await sender.SendDueAsync(channel, tokens, cancellationToken);
            bucket.Return(tokens - claimed);
            return claimed > 0;
        }, stoppingToken);
    }

    /// <summary>Runs a step again at once while it finds work, else after the poll interval; a failure is logged and waited out.</summary>
    private async Task LoopAsync(string name, Func<CancellationToken, Task<bool>> step, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool busy;
            try
            {
                busy = await step(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Campaign {Loop} step failed; trying again shortly.", name);
                busy = false;
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
