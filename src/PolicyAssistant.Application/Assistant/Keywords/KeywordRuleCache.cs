using PolicyAssistant.Application.Households;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Assistant.Keywords;

/// <summary>An enabled rule as the bot tries it: the keyword folded and compacted once, when the rules are loaded.</summary>
public sealed record LoadedKeywordRule(int Id, string Keyword, KeywordMatch Match, string? ReplyText, string? EntryId)
{
    public bool Matches(string compactMessage) => Match == KeywordMatch.Exact
        ? compactMessage == Keyword
        : compactMessage.Contains(Keyword, StringComparison.Ordinal);

    public static string Normalize(string text) => IntentText.Compact(TextFolding.Fold(text).Trim());
}

/// <summary>
/// The enabled rules in memory, so a message costs a list scan and no database read. A change made here is
/// reloaded at once; a change made by another instance (PostgreSQL scale-out) shows within <see cref="RecheckAfter"/>,
/// reloaded in the background while messages keep using the rules in hand.
/// </summary>
public sealed class KeywordRuleCache(IDbContextFactory<PolicyAssistantDbContext> dbFactory, TimeProvider clock, ILogger<KeywordRuleCache> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;
    private int _reloading;

    public async ValueTask<IReadOnlyList<LoadedKeywordRule>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
        {
            return await ReloadAsync(cancellationToken);
        }

        if (clock.GetUtcNow() - snapshot.LoadedAt > RecheckAfter && Interlocked.Exchange(ref _reloading, 1) == 0)
        {
            _ = Task.Run(ReloadInBackgroundAsync, CancellationToken.None);
        }

        return snapshot.Rules;
    }

    /// <summary>Reads the enabled rules again; the commands call it after every change.</summary>
    public async Task<IReadOnlyList<LoadedKeywordRule>> ReloadAsync(CancellationToken cancellationToken)
    {
        var loadedAt = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.Set<KeywordRule>().AsNoTracking()
            .Where(rule => rule.Enabled)
            .OrderBy(rule => rule.Position).ThenBy(rule => rule.Id)
            .ToListAsync(cancellationToken);
        var loaded = rules
            .Select(rule => new LoadedKeywordRule(rule.Id, LoadedKeywordRule.Normalize(rule.Keyword), rule.Match, rule.ReplyText, rule.EntryId))
            .Where(rule => rule.Keyword.Length > 0)
            .ToList();
        Volatile.Write(ref _snapshot, new Snapshot(loaded, loadedAt));
        return loaded;
    }

    private async Task ReloadInBackgroundAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The rules in hand keep answering; the next message past the interval tries again.
            logger.LogWarning(exception, "Reloading the keyword rules failed.");
        }
        finally
        {
            Volatile.Write(ref _reloading, 0);
        }
    }

    private sealed record Snapshot(IReadOnlyList<LoadedKeywordRule> Rules, DateTimeOffset LoadedAt);
}
