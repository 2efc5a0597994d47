using System.Globalization;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// The embedded gateway: each text becomes a row of OutboxGatewayEntries that the back office and tests
/// read, and counts as delivered at once. Keyed by OutId, so a repeated send stores nothing new.
/// </summary>
public sealed class OutboxSmsGateway(PolicyAssistantDbContext db, TimeProvider clock) : ISmsGateway
{
    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(message.OutId, cancellationToken);
        if (existing is not null)
        {
            return Accepted(existing);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new OutboxGatewayEntry
        {
            OutId = message.OutId,
            PhoneNumber = message.PhoneNumber,
            Kind = message.Kind,
            SignName = message.SignName,
            TemplateCode = message.TemplateCode,
            TemplateParamsJson = message.TemplateParams.Count == 0 ? null : SmsJson.Serialize(message.TemplateParams),
            Text = message.Text,
            SegmentCount = SmsSegmenter.CountSegments(message.Text, message.SignName),
            CreatedAt = now,
            DeliveredAt = now,
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            if (await FindAsync(message.OutId, cancellationToken) is not { } raced)
            {
                throw;
            }

            return Accepted(raced);
        }

        return Accepted(row);
    }

    public async Task<SmsDeliveryStatus> QueryStatusAsync(SmsStatusQuery query, CancellationToken cancellationToken) =>
        await FindAsync(query.OutId, cancellationToken) is { } row
            ? new SmsDeliveryStatus.Delivered(ProviderId(row), row.DeliveredAt)
            : new SmsDeliveryStatus.NotFound();

    private Task<OutboxGatewayEntry?> FindAsync(string outId, CancellationToken cancellationToken) =>
        db.Set<OutboxGatewayEntry>().AsNoTracking().FirstOrDefaultAsync(m => m.OutId == outId, cancellationToken);

    private static SmsSendResult.Accepted Accepted(OutboxGatewayEntry row) => new(ProviderId(row), row.DeliveredAt);

    private static string ProviderId(OutboxGatewayEntry row) => "outbox-" + row.Id.ToString(CultureInfo.InvariantCulture);
}
