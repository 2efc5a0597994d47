using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>A command's refusal, in words for the staff member.</summary>
public sealed record CampaignError(string Message);

/// <summary>What officers do to campaigns and their messages: draft, approve, schedule, pause, resume, cancel.</summary>
public sealed class CampaignCommands(PolicyAssistantDbContext db, IOptions<CampaignOptions> options, TimeProvider clock)
{
    public async Task<int> CreateCampaignAsync(int staffId, string name, string theme, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken)
    {
        var campaign = new Campaign { Name = name.Trim(), Theme = theme.Trim(), StartsOn = startsOn, EndsOn = endsOn, CreatedById = staffId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign.Id;
    }

    public async Task<(int? Id, IReadOnlyList<string> Problems)> AddMessageAsync(
        int staffId, int campaignId, string title, string body, WeChatMessageKind kind, string? mediaOrTemplateId, Audience audience, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add("请填写标题。");
        if (string.IsNullOrWhiteSpace(body)) problems.Add("请填写内容。");
        if (audience.Channels == CampaignChannels.None) problems.Add("请至少选择一个渠道。");
        if (audience.Channels.HasFlag(CampaignChannels.WeChat)) problems.AddRange(WeChatLimits.Check(kind, body ?? "", mediaOrTemplateId));
        if (!await db.Set<Campaign>().AnyAsync(c => c.Id == campaignId, cancellationToken)) problems.Add("宣传活动不存在。");
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var message = new CampaignMessage
        {
            CampaignId = campaignId,
            Title = title.Trim(),
            Body = body!.Trim(),
            WeChatKind = kind,
            WeChatMediaOrTemplateId = string.IsNullOrWhiteSpace(mediaOrTemplateId) ? null : mediaOrTemplateId.Trim(),
            Audience = audience,
            CreatedById = staffId,
        };
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return (message.Id, []);
    }

    /// <summary>
    /// Approval by a second staff member who may run campaigns (an administrator or a campaign officer); the
    /// message goes at <paramref name="sendAt"/> (UTC), or now. A subscription account mass-sends once a day.
    /// </summary>
    public async Task<CampaignError?> ApproveAsync(int staffId, bool mayRunCampaigns, int messageId, DateTime? sendAt, CancellationToken cancellationToken)
    {
        var message = await db.Set<CampaignMessage>().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return new CampaignError("消息不存在。");
        }

        if (message.WhyCannotApprove(staffId, mayRunCampaigns) is { } why)
        {
            return new CampaignError(why);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var at = sendAt ?? now;
        if (options.Value.WeChatAccount == WeChatAccountKind.Subscription && message.Audience.Channels.HasFlag(CampaignChannels.WeChat)
            && message.WeChatKind != WeChatMessageKind.Template)
        {
            var day = at.Date;
            var sameDay = await db.Set<CampaignMessage>().AnyAsync(m => m.Id != messageId && m.SendAt >= day && m.SendAt < day.AddDays(1)
                && m.Status != CampaignMessageStatus.Draft && m.Status != CampaignMessageStatus.Cancelled && m.WeChatKind != WeChatMessageKind.Template, cancellationToken);
            if (sameDay)
            {
                return new CampaignError("订阅号每天只能群发1次，这一天已有群发，请换一天。");
            }
        }

        message.Approve(staffId, now);
        message.SendAt = at;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<CampaignError?> PauseAsync(int messageId, CancellationToken cancellationToken) =>
        MoveAsync(messageId, CampaignMessageStatus.Sending, CampaignMessageStatus.Paused, cancellationToken);

    public Task<CampaignError?> ResumeAsync(int messageId, CancellationToken cancellationToken) =>
        MoveAsync(messageId, CampaignMessageStatus.Paused, CampaignMessageStatus.Sending, cancellationToken);

    /// <summary>Stops a message: what is still queued (or tagged, waiting for the mass send to its tag) is cancelled; rows already with a gateway finish.</summary>
    public async Task<CampaignError?> CancelAsync(int messageId, CancellationToken cancellationToken)
    {
        var changed = await db.Set<CampaignMessage>()
            .Where(m => m.Id == messageId && (m.Status == CampaignMessageStatus.Approved || m.Status == CampaignMessageStatus.Sending || m.Status == CampaignMessageStatus.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CampaignMessageStatus.Cancelled), cancellationToken);
        if (changed == 0)
        {
            return new CampaignError("只有待发送、发送中或已暂停的消息可以取消。");
        }

        await db.Set<CampaignRecipient>().Where(r => r.MessageId == messageId && (r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Tagged))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Cancelled), cancellationToken);
        return null;
    }

    private async Task<CampaignError?> MoveAsync(int messageId, CampaignMessageStatus from, CampaignMessageStatus to, CancellationToken cancellationToken)
    {
        var changed = await db.Set<CampaignMessage>().Where(m => m.Id == messageId && m.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, to), cancellationToken);
        return changed == 1 ? null : new CampaignError(to == CampaignMessageStatus.Paused ? "只有发送中的消息可以暂停。" : "只有已暂停的消息可以继续。");
    }
}

/// <summary>
/// Puts an approved message's audience into the outbox: set-based INSERT … SELECT (on SQLite in chunks of member ids),
/// idempotent (ON CONFLICT DO NOTHING on message and member), so a crash half-way is finished by the next run.
/// </summary>
public sealed class EnqueueAudienceCommand(PolicyAssistantDbContext db, IOptions<CampaignOptions> options, TimeProvider clock)
{
    public async Task<int> EnqueueAsync(int messageId, CancellationToken cancellationToken)
    {
        var message = await db.Set<CampaignMessage>().AsNoTracking().FirstAsync(m => m.Id == messageId, cancellationToken);
        var now = clock.GetUtcNow();
        var maxMemberId = await db.Set<Member>().MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0;
        // SQLite goes in chunks, so other writers get the file between them; PostgreSQL's readers and writers never
        // wait on this one, and per chunk it would build its hash of the followers and bindings again.
        var postgres = db.Database.IsNpgsql();
        var chunk = postgres ? Math.Max(1, maxMemberId) : Math.Max(1, options.Value.EnqueueChunk);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        for (var from = 0; from < maxMemberId; from += chunk)
        {
            // Campaigns address the whole county: the officer's scope applies when targeting, not again here.
            var audience = new AudienceSql(message.Audience, message.WeChatKind, new StaffScope(0, []), options.Value.WeChatAccount, now.UtcDateTime, (from, from + chunk));
            var sql = $"""
                INSERT INTO "CampaignRecipients" ("MessageId", "MemberId", "HouseholdId", "VillageId", "Channel", "Status", "Attempts", "NextAttemptAt")
                SELECT {audience.Add(messageId)}, a."MemberId", a."HouseholdId", a."VillageId", a."Channel", {(int)RecipientStatus.Queued}, 0, {audience.Add(now.ToUnixTimeMilliseconds())}
                FROM ({audience.Select}) a
                WHERE 1 = 1
                ON CONFLICT ("MessageId", "MemberId") DO NOTHING
                """;
            if (postgres)
            {
                // The statement's estimated cost (a probe per member) makes PostgreSQL compile it first, which takes longer than the run.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
                await db.Database.ExecuteSqlRawAsync(sql, audience.Parameters, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(sql, audience.Parameters, cancellationToken);
            }
        }

        var count = await db.Set<CampaignRecipient>().CountAsync(r => r.MessageId == messageId, cancellationToken);
        await db.Set<CampaignMessage>().Where(m => m.Id == messageId && m.Status == CampaignMessageStatus.Approved)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, CampaignMessageStatus.Sending)
                .SetProperty(m => m.EnqueuedAt, now.UtcDateTime)
                .SetProperty(m => m.RecipientCount, count), cancellationToken);
        return count;
    }
}
