using System.Globalization;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// The embedded gateway: each text becomes a row of OutboxGatewayEntries that the back office and tests
/// read, and counts as delivered at once. It takes campaign texts in batches as Aliyun and Tencent do, so a
/// campaign drains here as it does against them. Keyed by OutId and number, so a repeated send stores nothing new.
/// </summary>
public sealed class OutboxSmsGateway(PolicyAssistantDbContext db, TimeProvider clock) : ISmsBatchGateway
{
    public int MaxBatchSize => 100;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (await SendBatchAsync(message.AsBatch(), cancellationToken))[0];
    }

    public async Task<IReadOnlyList<SmsSendResult>> SendBatchAsync(SmsBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = await StoredAsync(batch, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = batch.PhoneNumbers.Distinct().Where(phone => !stored.ContainsKey(phone)).Select(phone => new OutboxGatewayEntry
        {
            OutId = batch.OutId,
            PhoneNumber = phone,
            Kind = batch.Kind,
            SignName = batch.SignName,
            TemplateCode = batch.TemplateCode,
            TemplateParamsJson = batch.TemplateParams.Count == 0 ? null : SmsJson.Serialize(batch.TemplateParams),
            Text = batch.Text,
            SegmentCount = SmsSegmenter.CountSegments(batch.Text, batch.SignName),
            CreatedAt = now,
            DeliveredAt = now,
        }).ToList();
        if (added.Count > 0)
        {
            db.AddRange(added);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                foreach (var row in added)
                {
                    stored[row.PhoneNumber] = row;
                }
            }
            catch (DbUpdateException)
            {
                // Another sender stored the same call first: what it stored is the answer.
                added.ForEach(row => db.Entry(row).State = EntityState.Detached);
                stored = await StoredAsync(batch, cancellationToken);
                if (batch.PhoneNumbers.Any(phone => !stored.ContainsKey(phone)))
                {
                    throw;
                }
            }
        }

        return batch.PhoneNumbers.Select(phone => (SmsSendResult)Accepted(stored[phone])).ToList();
    }

    public async Task<SmsDeliveryStatus> QueryStatusAsync(SmsStatusQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await db.Set<OutboxGatewayEntry>().AsNoTracking().FirstOrDefaultAsync(m => m.OutId == query.OutId && m.PhoneNumber == query.PhoneNumber, cancellationToken) is { } row
            ? new SmsDeliveryStatus.Delivered(ProviderId(row), row.DeliveredAt)
            : new SmsDeliveryStatus.NotFound();
    }

    private async Task<Dictionary<string, OutboxGatewayEntry>> StoredAsync(SmsBatch batch, CancellationToken cancellationToken) =>
        await db.Set<OutboxGatewayEntry>().AsNoTracking()
            .Where(m => m.OutId == batch.OutId && batch.PhoneNumbers.Contains(m.PhoneNumber))
            .ToDictionaryAsync(m => m.PhoneNumber, StringComparer.Ordinal, cancellationToken);

    private static SmsSendResult.Accepted Accepted(OutboxGatewayEntry row) => new(ProviderId(row), row.DeliveredAt);

    private static string ProviderId(OutboxGatewayEntry row) => "outbox-" + row.Id.ToString(CultureInfo.InvariantCulture);
}
