using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.Assistant.Keywords;

/// <summary>A rule as staff type it; exactly one of <see cref="ReplyText"/> and <see cref="EntryId"/> is given.</summary>
public sealed record KeywordRuleInput(string Keyword, KeywordMatch Match, string? ReplyText, string? EntryId, bool Enabled);

public abstract record KeywordRuleResult
{
    public sealed record Saved(int Id) : KeywordRuleResult;

    public sealed record NotFound : KeywordRuleResult;

    public sealed record Invalid(IReadOnlyList<string> Errors) : KeywordRuleResult;
}

public enum MoveDirection
{
    Up,
    Down,
}

/// <summary>What staff do to the keyword rules. Every change is saved, then the cache is reloaded, so the next message sees it.</summary>
public sealed class EditKeywordRulesCommand(PolicyAssistantDbContext db, KeywordRuleCache cache, KnowledgeIndex index, TimeProvider clock)
{
    private DbSet<KeywordRule> Rules => db.Set<KeywordRule>();

    public Task<List<KeywordRule>> ListAsync(CancellationToken cancellationToken) =>
        Rules.AsNoTracking().OrderBy(rule => rule.Position).ThenBy(rule => rule.Id).ToListAsync(cancellationToken);

    public async Task<KeywordRuleResult> SaveAsync(int? id, KeywordRuleInput input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new KeywordRuleResult.Invalid(errors);
        }

        KeywordRule rule;
        if (id is { } existingId)
        {
            if (await Rules.FindAsync([existingId], cancellationToken) is not { } found)
            {
                return new KeywordRuleResult.NotFound();
            }

            rule = found;
            rule.Keyword = input.Keyword.Trim();
        }
        else
        {
            var last = await Rules.MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
            rule = new KeywordRule { Keyword = input.Keyword.Trim(), Position = last + 1 };
            Rules.Add(rule);
        }

        rule.Match = input.Match;
        rule.ReplyText = Blank(input.ReplyText) ? null : input.ReplyText!.Trim();
        rule.EntryId = Blank(input.EntryId) ? null : input.EntryId!.Trim();
        rule.Enabled = input.Enabled;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        return new KeywordRuleResult.Saved(rule.Id);
    }

    public async Task<KeywordRuleResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await Rules.FindAsync([id], cancellationToken) is not { } rule)
        {
            return new KeywordRuleResult.NotFound();
        }

        Rules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        return new KeywordRuleResult.Saved(id);
    }

    /// <summary>Swaps the rule with its neighbour above or below; at either end nothing changes.</summary>
    public async Task<KeywordRuleResult> MoveAsync(int id, MoveDirection direction, CancellationToken cancellationToken)
    {
        var rules = await Rules.OrderBy(rule => rule.Position).ThenBy(rule => rule.Id).ToListAsync(cancellationToken);
        var at = rules.FindIndex(rule => rule.Id == id);
        if (at < 0)
        {
            return new KeywordRuleResult.NotFound();
        }

        var other = direction == MoveDirection.Up ? at - 1 : at + 1;
        if (other >= 0 && other < rules.Count)
        {
            (rules[at], rules[other]) = (rules[other], rules[at]);

            // Renumbered from 1, so equal positions left by earlier edits cannot make a swap a no-op.
            for (var i = 0; i < rules.Count; i++)
            {
                rules[i].Position = i + 1;
            }

            await db.SaveChangesAsync(cancellationToken);
            await cache.ReloadAsync(cancellationToken);
        }

        return new KeywordRuleResult.Saved(id);
    }

    private List<string> Validate(KeywordRuleInput input)
    {
        var errors = new List<string>();
        var keyword = input.Keyword?.Trim() ?? "";
        if (LoadedKeywordRule.Normalize(keyword).Length == 0)
        {
            errors.Add("请填写关键词（不能只有标点或空格）。");
        }
        else if (keyword.Length > KeywordRule.MaxKeywordLength)
        {
            errors.Add($"关键词最多 {KeywordRule.MaxKeywordLength} 个字。");
        }

        var hasText = !Blank(input.ReplyText);
        var hasEntry = !Blank(input.EntryId);
        if (hasText == hasEntry)
        {
            errors.Add("回复内容和知识库条目二选一：填写回复文字，或选择一个条目。");
        }
        else if (hasText && input.ReplyText!.Trim().Length > KeywordRule.MaxReplyLength)
        {
            errors.Add($"回复文字最多 {KeywordRule.MaxReplyLength} 个字。");
        }
        else if (hasEntry && index.Find(input.EntryId!.Trim()) is null)
        {
            errors.Add($"知识库里没有条目 {input.EntryId!.Trim()}。");
        }

        return errors;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
