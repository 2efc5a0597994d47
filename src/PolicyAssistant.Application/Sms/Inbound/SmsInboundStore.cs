namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>One text a person sent, as the provider's callback describes it.</summary>
public sealed record SmsInboundText(string SequenceId, string PhoneNumber, string Content, DateTime? SentAt, string? SignName, string? DestCode);

/// <summary>
/// Stores inbound texts, once each by sequence id, so the provider's callback is acknowledged at once
/// and its retries change nothing; <see cref="SmsInboundProcessor"/> answers them afterwards.
/// </summary>
public sealed class SmsInboundStore(PolicyAssistantDbContext db, SmsSignals signals, TimeProvider clock)
{
    private DbSet<SmsInboundMessage> Inbound => db.Set<SmsInboundMessage>();

    /// <summary>Stores the texts not seen before; returns how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<SmsInboundText> inboundTexts, CancellationToken cancellationToken)
    {
        var distinct = inboundTexts.DistinctBy(u => u.SequenceId).ToList();
        var sequenceIds = distinct.Select(u => u.SequenceId).ToList();
        var known = await Inbound.Where(m => sequenceIds.Contains(m.SequenceId)).Select(m => m.SequenceId).ToListAsync(cancellationToken);
        var rows = distinct.Where(u => !known.Contains(u.SequenceId)).Select(u => ToRow(u, clock.UtcNow())).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        // One transaction for the whole callback keeps the acknowledgement fast.
        Inbound.AddRange(rows);
        int added;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            added = rows.Count;
        }
        catch (DbUpdateException)
        {
            // A provider retry raced its first delivery: store one by one, and the first copy of each stands.
            rows.ForEach(r => db.Entry(r).State = EntityState.Detached);
            added = await StoreOneByOneAsync(rows, cancellationToken);
        }

        signals.NotifyInbound();
        return added;
    }

    private async Task<int> StoreOneByOneAsync(List<SmsInboundMessage> rows, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var row in rows)
        {
            Inbound.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached;
                if (!await Inbound.AnyAsync(m => m.SequenceId == row.SequenceId, cancellationToken))
                {
                    throw;
                }
            }
        }

        return added;
    }

    private static SmsInboundMessage ToRow(SmsInboundText inboundText, DateTime now) => new()
    {
        SequenceId = inboundText.SequenceId,
        PhoneNumber = inboundText.PhoneNumber,
        Content = inboundText.Content,
        SignName = inboundText.SignName,
        DestCode = inboundText.DestCode,
        SentAt = inboundText.SentAt,
        ReceivedAt = now,
        NextAttemptAt = now,
        Status = SmsInboundStatus.Received,
    };
}
