namespace PolicyAssistant.Application.Households;

/// <summary>The member a channel user is bound to, with what the bot needs of their household.</summary>
/// <param name="CountyCode">Six-digit county of the household's village: the region of FAQ answers and of estimates.</param>
public sealed record BoundMember(ChannelUser User, int MemberId, int HouseholdId, string CountyCode, bool IsRegisteredPoor);

/// <summary>
/// Who the current turn's user is bound to, read once per turn. Every household answer starts here:
/// the household is the binding's, never one named in the message.
/// </summary>
public sealed class CurrentBindingQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory, PersonalDataProtector protector)
{
    private const string TurnStateKey = "households.binding";

    // Read on every turn: compiled once, so a lookup skips EF's per-call expression work.
    private static readonly CompiledPerModel<Func<PolicyAssistantDbContext, string, string, CancellationToken, Task<Binding?>>> Read = new(() => EF.CompileAsyncQuery(
        (PolicyAssistantDbContext db, string channelId, string userKeyHash, CancellationToken _) => db.Set<IdentityBinding>().AsNoTracking()
            .Where(binding => binding.ChannelId == channelId && binding.UserKeyHash == userKeyHash)
            .Select(binding => new Binding(binding.MemberId, binding.Member!.HouseholdId, binding.Member.Household!.Village!.Code, binding.Member.Household.IsRegisteredPoor))
            .FirstOrDefault()));

    public ChannelUser UserOf(ITurnContext turnContext) => ChannelUser.Of(turnContext.Activity, protector);

    public async Task<BoundMember?> FindAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.TryGetValue(TurnStateKey, out var cached) && cached is Lookup lookup)
        {
            return lookup.Member;
        }

        var user = UserOf(turnContext);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await Read.For(db)(db, user.ChannelId, user.UserKeyHash, cancellationToken);
        var member = found is null ? null : new BoundMember(user, found.MemberId, found.HouseholdId, found.VillageCode[..6], found.IsRegisteredPoor);
        turnContext.TurnState[TurnStateKey] = new Lookup(member);
        return member;
    }

    /// <summary>After a bind or unbind in this turn, the next read goes to the database again.</summary>
    public static void Forget(ITurnContext turnContext) => turnContext.TurnState.Remove(TurnStateKey);

    private sealed record Lookup(BoundMember? Member);

    private sealed record Binding(int MemberId, int HouseholdId, string VillageCode, bool IsRegisteredPoor);
}
