using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Data;
using PolicyAssistant.Data.Sms;

namespace PolicyAssistant.Channels.Sms;

/// <summary>One text a person sent, as the provider's callback describes it.</summary>
public sealed record SmsUplink(string SequenceId, string PhoneNumber, string Content, DateTime? SentAt, string? SignName, string? DestCode);

/// <summary>
/// Stores inbound texts, once each by sequence id, so the provider's callback is acknowledged at once
/// and its retries change nothing; <see cref="SmsInboundProcessor"/> answers them afterwards.
/// </summary>
public sealed class SmsUplinkStore(PolicyAssistantDbContext db, SmsSignals signals, TimeProvider clock)
{
    private DbSet<SmsInboundMessage> Inbound => db.Set<SmsInboundMessage>();

    /// <summary>Stores the texts not seen before; returns how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<SmsUplink> uplinks, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var added = 0;
        foreach (var uplink in uplinks.DistinctBy(u => u.SequenceId))
        {
            if (await Inbound.AnyAsync(m => m.SequenceId == uplink.SequenceId, cancellationToken))
            {
                continue;
            }

            var row = new SmsInboundMessage
            {
                SequenceId = uplink.SequenceId,
                PhoneNumber = uplink.PhoneNumber,
                Content = uplink.Content,
                SignName = uplink.SignName,
                DestCode = uplink.DestCode,
                SentAt = uplink.SentAt,
                ReceivedAt = now,
                NextAttemptAt = now,
                Status = SmsInboundStatus.Received,
            };
            Inbound.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                // The provider's retry raced its first delivery; the first one stands.
                db.Entry(row).State = EntityState.Detached;
                if (!await Inbound.AnyAsync(m => m.SequenceId == uplink.SequenceId, cancellationToken))
                {
                    throw;
                }
            }
        }

        if (added > 0)
        {
            signals.NotifyInbound();
        }

        return added;
    }

}
