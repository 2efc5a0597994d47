using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms;

/// <summary>
/// Drains due outbound texts. Safe to run on several instances and to stop at any point: messages are
/// claimed with a lease, and a lapsed claim is re-checked with the provider rather than re-sent.
/// </summary>
public sealed class SmsDispatchWorker(IServiceScopeFactory scopes, SmsSignals signals, IOptions<SmsOptions> options, ILogger<SmsDispatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider == SmsProvider.Outbox)
        {
            logger.LogWarning("SMS goes to the embedded outbox (table OutboxGatewayEntries), not to phones. For production set Sms__Provider=Aliyun with Sms__AccessKeyId, Sms__AccessKeySecret, Sms__SignName and Sms__Templates__*.");
        }

        await SmsWorkerLoop.RunAsync(
            scopes,
            (services, ct) => services.GetRequiredService<SmsDispatcher>().DispatchDueAsync(ct),
            (ct) => signals.WaitForOutboundAsync(options.Value.Dispatch.PollInterval, ct),
            options.Value.Dispatch.BatchSize,
            logger,
            stoppingToken);
    }
}

/// <summary>Runs the turn for each stored inbound text, after the provider has had its acknowledgement.</summary>
public sealed class SmsInboundWorker(IServiceScopeFactory scopes, SmsSignals signals, IOptions<SmsOptions> options, ILogger<SmsInboundWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbound = options.Value.Inbound;
        if (!inbound.IsProtected)
        {
            logger.LogWarning(inbound.AllowUnprotected
                ? "POST /sms/inbound and /sms/receipts accept callbacks from anyone (Sms:Inbound:AllowUnprotected). For production set Sms__Inbound__PathSecret or Sms__Inbound__SharedSecret, and Sms__Inbound__AllowedSources."
                : "POST /sms/inbound and /sms/receipts answer 404 until Sms__Inbound__PathSecret, Sms__Inbound__SharedSecret or Sms__Inbound__AllowedSources is set.");
        }

        await SmsWorkerLoop.RunAsync(
            scopes,
            (services, ct) => services.GetRequiredService<SmsInboundProcessor>().ProcessPendingAsync(ct),
            (ct) => signals.WaitForInboundAsync(inbound.PollInterval, ct),
            SmsInboundProcessor.BatchSize,
            logger,
            stoppingToken);
    }
}

internal static class SmsWorkerLoop
{
    /// <summary>Runs batches in fresh scopes until one comes back short, then waits for a signal or the poll interval.</summary>
    public static async Task RunAsync(
        IServiceScopeFactory scopes,
        Func<IServiceProvider, CancellationToken, Task<int>> runBatch,
        Func<CancellationToken, Task> waitForWork,
        int batchSize,
        ILogger logger,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int handled;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    handled = await runBatch(scope.ServiceProvider, stoppingToken);
                }
                while (handled >= batchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database hiccup must not end the worker; the rows are still there for the next round.
                logger.LogError(exception, "An SMS batch failed; trying again after the poll interval.");
            }

            try
            {
                await waitForWork(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
