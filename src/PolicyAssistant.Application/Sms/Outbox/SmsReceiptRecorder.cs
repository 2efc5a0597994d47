using PolicyAssistant.Domain.Text;
namespace PolicyAssistant.Application.Sms.Outbox;

/// <summary>What a delivery receipt says about one message.</summary>
/// <param name="PhoneNumber">The number it went to; needed for a message sent in a batch, whose OutId and BizId its batch shares.</param>
public sealed record SmsReceipt(string? OutId, string? ProviderMessageId, bool Success, string? ErrorCode, string? ErrorMessage, DateTime? ReportedAt, string? PhoneNumber = null);

/// <summary>Settles outbound texts by the provider's delivery receipts, matched by OutId, batch and number, or provider id.</summary>
public sealed class SmsReceiptRecorder(PolicyAssistantDbContext db, TimeProvider clock)
{
    private DbSet<SmsOutboundMessage> Messages => db.Set<SmsOutboundMessage>();

    /// <summary>Applies delivery receipts; a receipt also settles a message whose send went unanswered.</summary>
    public async Task<int> RecordReceiptsAsync(IReadOnlyList<SmsReceipt> receipts, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var receipt in receipts)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var message = await FindForReceiptAsync(receipt, cancellationToken);
                if (message is null || message.Status is SmsOutboundStatus.Delivered or SmsOutboundStatus.Skipped)
                {
                    break;
                }

                ApplyReceipt(message, receipt);
                if (await db.TrySaveAsync(message, cancellationToken))
                {
                    applied++;
                    break;
                }
            }
        }

        return applied;
    }

    private async Task<SmsOutboundMessage?> FindForReceiptAsync(SmsReceipt receipt, CancellationToken cancellationToken)
    {
        var phoneNumber = receipt.PhoneNumber;
        if (receipt.OutId is { Length: > 0 } outId)
        {
            var byOutId = await Messages.FirstOrDefaultAsync(m => m.OutId == outId, cancellationToken)
                ?? (phoneNumber is null ? null : await Messages.FirstOrDefaultAsync(m => m.BatchOutId == outId && m.PhoneNumber == phoneNumber, cancellationToken));
            if (byOutId is not null)
            {
                return byOutId;
            }
        }

        if (receipt.ProviderMessageId is not { Length: > 0 } providerId)
        {
            return null;
        }

        // A batch shares one BizId: only the number tells its messages apart, and without it none is settled.
        var matches = await Messages
            .Where(m => m.ProviderMessageId == providerId && (phoneNumber == null || m.PhoneNumber == phoneNumber))
            .Take(2)
            .ToListAsync(cancellationToken);
        return matches is [var only] ? only : null;
    }

    private void ApplyReceipt(SmsOutboundMessage message, SmsReceipt receipt)
    {
        message.ProviderMessageId ??= receipt.ProviderMessageId;
        message.AcceptedAt ??= receipt.ReportedAt ?? clock.UtcNow();
        message.LeaseUntil = null;
        if (receipt.Success)
        {
            message.Status = SmsOutboundStatus.Delivered;
            message.DeliveredAt = receipt.ReportedAt ?? clock.UtcNow();
            message.ErrorCode = null;
            message.ErrorMessage = null;
        }
        else
        {
            message.Status = SmsOutboundStatus.Failed;
            message.ErrorCode = ColumnText.Truncate(receipt.ErrorCode ?? "Undelivered", 64);
            message.ErrorMessage = ColumnText.Truncate(receipt.ErrorMessage ?? "", 500);
        }
    }
}
