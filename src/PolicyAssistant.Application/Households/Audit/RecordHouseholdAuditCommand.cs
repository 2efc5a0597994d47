
namespace PolicyAssistant.Application.Households.Audit;

/// <summary>
/// Writes one row of the household audit trail. Every query and change of household data calls it, the
/// bot's with <see cref="ChannelUser.AuditActor"/>, the back office's with <see cref="StaffActor"/>.
/// </summary>
public sealed class RecordHouseholdAuditCommand(IDbContextFactory<PolicyAssistantDbContext> dbFactory, TimeProvider clock)
{
    public static string StaffActor(int staffUserId) => $"staff:{staffUserId}";

    public async Task RecordAsync(string actor, HouseholdAuditAction action, int? householdId, int? memberId, CancellationToken cancellationToken, string? detail = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new HouseholdAuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            HouseholdId = householdId,
            MemberId = memberId,
            Detail = detail,
        });

        // Not the turn's token: a read that happened is recorded even if the caller hung up.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
