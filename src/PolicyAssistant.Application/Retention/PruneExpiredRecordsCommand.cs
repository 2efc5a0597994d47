using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.WeChat.Inbound;

namespace PolicyAssistant.Application.Retention;

public sealed record PrunedRecords(int WeChatInbound, int Transcripts, int SmsMessages, int BindingAttempts)
{
    public int Total => WeChatInbound + Transcripts + SmsMessages + BindingAttempts;
}

/// <summary>
/// Deletes what is past its retention period, in small batches. Texts still on their way (queued, sending,
/// unconfirmed, or inbound texts not yet answered) are kept whatever their age.
/// </summary>
public sealed class PruneExpiredRecordsCommand(IDbContextFactory<PolicyAssistantDbContext> dbFactory, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<PrunedRecords> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var wechatCutoff = now - settings.WeChatInbound;
        var transcriptCutoff = (now - settings.Transcripts).UtcDateTime;
        var smsCutoff = (now - settings.SmsMessages).UtcDateTime;
        var bindingCutoff = (now - settings.BindingAttempts).UtcDateTime;

        var wechat = await DeleteAsync<WeChatInboundMessage>(m => m.ReceivedAt < wechatCutoff, cancellationToken);
        var transcripts = await DeleteAsync<TranscriptRecord>(t => t.Timestamp < transcriptCutoff, cancellationToken);
        var sms = await DeleteAsync<SmsInboundMessage>(m => m.ReceivedAt < smsCutoff && m.ProcessedAt != null, cancellationToken)
            + await DeleteAsync<SmsOutboundMessage>(
                m => m.CreatedAt < smsCutoff && m.Status != SmsOutboundStatus.Queued && m.Status != SmsOutboundStatus.Sending && m.Status != SmsOutboundStatus.Unconfirmed,
                cancellationToken)
            + await DeleteAsync<OutboxGatewayEntry>(m => m.CreatedAt < smsCutoff, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // One row per phone at most: no batches needed.
            sms += await db.Set<SmsContinuation>().Where(c => c.CreatedAt < smsCutoff).ExecuteDeleteAsync(cancellationToken);
        }

        var binding = await DeleteAsync<BindingAttempt>(a => a.OccurredAt < bindingCutoff, cancellationToken);
        return new PrunedRecords(wechat, transcripts, sms, binding);
    }

    /// <summary>Deletes the expired rows of a table keyed by a long "Id", oldest first, a batch per statement.</summary>
    private async Task<int> DeleteAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> expired, CancellationToken cancellationToken)
        where T : class
    {
        var total = 0;
        int deleted;
        do
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = db.Set<T>().Where(expired).Select(row => EF.Property<long>(row, "Id")).Order().Take(options.Value.BatchSize);
            deleted = await db.Set<T>().Where(row => batch.Contains(EF.Property<long>(row, "Id"))).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == options.Value.BatchSize);
        return total;
    }
}
