using PolicyAssistant.Application.Households.Audit;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>A household ends its binding ("解绑").</summary>
public sealed class UnbindCommand(IDbContextFactory<PolicyAssistantDbContext> dbFactory, RecordHouseholdAuditCommand audit)
{
    /// <summary>Removes the user's binding; false when there was none.</summary>
    public async Task<bool> UnbindAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var binding = await db.Set<IdentityBinding>()
            .Where(b => b.ChannelId == user.ChannelId && b.UserKeyHash == user.UserKeyHash)
            .Select(b => new { b.Id, b.MemberId, b.Member!.HouseholdId })
            .FirstOrDefaultAsync(cancellationToken);
        if (binding is null)
        {
            return false;
        }

        await db.Set<IdentityBinding>().Where(b => b.Id == binding.Id).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(user.AuditActor, HouseholdAuditAction.Unbind, binding.HouseholdId, binding.MemberId, cancellationToken);
        return true;
    }
}
