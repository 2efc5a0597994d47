namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>How the outbox's writers save a row others may change at the same time.</summary>
public static class SmsOutboxSaving
{
    /// <summary>Saves, and says whether <paramref name="message"/>'s change held (false: someone else changed the row first).</summary>
    public static async Task<bool> TrySaveAsync(this PolicyAssistantDbContext db, SmsOutboundMessage message, CancellationToken cancellationToken)
    {
        await db.SaveWhatStillHoldsAsync(cancellationToken);
        return db.Entry(message).State != EntityState.Detached;
    }

    /// <summary>
    /// Saves the tracked changes. A row someone else changed first (a receipt, another dispatcher after our
    /// lease) is dropped and detached: theirs stands. The rest is saved all the same.
    /// </summary>
    public static async Task SaveWhatStillHoldsAsync(this PolicyAssistantDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException exception) when (exception.Entries.Count > 0)
            {
                foreach (var entry in exception.Entries)
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }
}
