using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Campaigns;

public sealed record AudienceRow(long MemberId, int HouseholdId, int VillageId, int Channel);

public sealed record SampleRecipient(string MaskedName, string Village, string Channel);

/// <summary>
/// An audience before sending: how many each route takes (mass send or template, customer-service message, SMS) and how many
/// none reaches; the text as WeChat carries it, and, when SMS is among the channels, the SMS as the phone shows it.
/// </summary>
public sealed record AudiencePreview(int Count, int WeChat, int CustomerService, int Sms, int Unreachable, IReadOnlyList<SampleRecipient> Sample, string PreviewText, string? SmsText);

public sealed record CampaignProgress(int Total, int Queued, int Sending, int Sent, int Delivered, int Read, int Failed, int OptedOut, int Cancelled, string Status)
{
    /// <summary>Share of recipients the sender is done with (sent, delivered, failed, opted out, cancelled), 0–100.</summary>
    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * (Total - Queued - Sending) / Total);
}

/// <summary>One village's recipients: Sent counts all the gateways took (delivered and read too), Delivered counts read too.</summary>
public sealed record VillageStatistics(string Village, int Total, int Sent, int Delivered, int Read, int Failed, int OptedOut);

public sealed record RegionChoice(string Code, string Name, RegionLevel Level);

/// <summary>What the campaign pages read: campaigns, audiences (count, masked sample, preview), progress and per-village statistics.</summary>
public sealed class CampaignQueries(PolicyAssistantDbContext db, RecordHouseholdAuditCommand audit, IOptions<CampaignOptions> options, IOptions<SmsOptions> smsOptions, TimeProvider clock)
{
    public const int SampleSize = 10;

    public Task<List<Campaign>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<Campaign>().AsNoTracking().Include(c => c.Messages).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);

    public Task<Campaign?> GetAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Campaign>().AsNoTracking().Include(c => c.Messages).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<CampaignMessage?> GetMessageAsync(int id, CancellationToken cancellationToken) =>
        db.Set<CampaignMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>Counties, townships and villages within the staff member's scope, for choosing by name.</summary>
    public async Task<IReadOnlyList<RegionChoice>> RegionsAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        var regions = await db.Set<Region>().AsNoTracking().Where(r => r.Level >= RegionLevel.County).OrderBy(r => r.Code)
            .Select(r => new RegionChoice(r.Code, r.Name, r.Level)).ToListAsync(cancellationToken);
        return regions.Where(r => scope.Covers(r.Code) || scope.RegionCodes.Any(code => code.StartsWith(r.Code, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The live count by route and a sample of recipients, names masked; the sample is a read of household data and is audited.</summary>
    public async Task<AudiencePreview> PreviewAsync(StaffScope scope, Audience audience, WeChatMessageKind kind, string title, string body, CancellationToken cancellationToken)
    {
        var sql = new AudienceSql(audience, kind, scope, options.Value.WeChatAccount, clock.GetUtcNow().UtcDateTime);
        // Only placeholders and constants are spliced in; every value is a parameter. Channel 0: no route.
        var countSql = $"""SELECT 0 AS "MemberId", 0 AS "HouseholdId", COUNT(*) AS "VillageId", COALESCE(a."Channel", 0) AS "Channel" FROM ({sql.Routes}) a GROUP BY a."Channel" """;
        var counts = await db.Database.SqlQueryRaw<AudienceRow>(countSql, sql.Parameters).ToListAsync(cancellationToken);
        var sampleSql = $"""SELECT a."MemberId", a."HouseholdId", a."VillageId", a."Channel" FROM ({sql.Select}) a ORDER BY a."MemberId" LIMIT {SampleSize}""";
        var sampleRows = await db.Database.SqlQueryRaw<AudienceRow>(sampleSql, sql.Parameters).ToListAsync(cancellationToken);
        var memberIds = sampleRows.Select(r => (int)r.MemberId).ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, Village = m.Household!.Village!.Name }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var sample = sampleRows.Select(r => new SampleRecipient(
            PersonName.Mask(names[(int)r.MemberId].Name), names[(int)r.MemberId].Village, RouteName((RecipientChannel)r.Channel))).ToList();
        if (sample.Count > 0)
        {
            await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(scope.StaffUserId), HouseholdAuditAction.ListHouseholds, null, null, cancellationToken);
        }

        int Of(int channel) => counts.Where(c => c.Channel == channel).Sum(c => c.VillageId);
        var (weChat, customerService, sms) = (Of((int)RecipientChannel.WeChat), Of((int)RecipientChannel.CustomerService), Of((int)RecipientChannel.Sms));
        var firstName = memberIds.Count > 0 ? PersonName.Mask(names[memberIds[0]].Name) : null;
        var smsText = audience.Channels.HasFlag(CampaignChannels.Sms)
            ? SmsText.AsReceived(smsOptions.Value.SignName, SmsText.Campaign(CampaignSender.Personalise(CampaignMessage.SmsBodyOf(title, kind, body), firstName)))
            : null;
        return new AudiencePreview(weChat + customerService + sms, weChat, customerService, sms, Of(0), sample, CampaignSender.Personalise(body, firstName), smsText);
    }

    public static string RouteName(RecipientChannel channel) => channel switch
    {
        RecipientChannel.WeChat => "微信",
        RecipientChannel.CustomerService => "微信客服消息",
        _ => "短信",
    };

    /// <summary>Counts by status (tagged rows still sending); an SMS handed to the SMS outbox takes that message's status (delivered, failed, opted out).</summary>
    public async Task<CampaignProgress> ProgressAsync(int messageId, CancellationToken cancellationToken)
    {
        var status = await db.Set<CampaignMessage>().Where(m => m.Id == messageId).Select(m => (CampaignMessageStatus?)m.Status).FirstOrDefaultAsync(cancellationToken);
        var counts = await EffectiveStatuses(messageId).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(RecipientStatus s) => counts.Where(c => c.Key == s).Sum(c => c.Count);
        return new CampaignProgress(counts.Sum(c => c.Count), Of(RecipientStatus.Queued), Of(RecipientStatus.Sending) + Of(RecipientStatus.Tagged), Of(RecipientStatus.Sent), Of(RecipientStatus.Delivered),
            Of(RecipientStatus.Read), Of(RecipientStatus.Failed), Of(RecipientStatus.OptedOut), Of(RecipientStatus.Cancelled), StatusName(status ?? CampaignMessageStatus.Draft));
    }

    public async Task<IReadOnlyList<VillageStatistics>> VillageStatisticsAsync(int messageId, CancellationToken cancellationToken)
    {
        var rows = await EffectiveStatuses(messageId).GroupBy(r => new { r.VillageId, r.Status }).Select(g => new { g.Key.VillageId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var villageIds = rows.Select(r => r.VillageId).Distinct().ToList();
        var names = await db.Set<Region>().Where(r => villageIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return rows.GroupBy(r => r.VillageId).Select(g =>
        {
            int Of(params RecipientStatus[] statuses) => g.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
            return new VillageStatistics(names.GetValueOrDefault(g.Key, "?"), g.Sum(r => r.Count),
                Of(RecipientStatus.Sent, RecipientStatus.Delivered, RecipientStatus.Read), Of(RecipientStatus.Delivered, RecipientStatus.Read), Of(RecipientStatus.Read),
                Of(RecipientStatus.Failed), Of(RecipientStatus.OptedOut));
        }).OrderBy(v => v.Village, StringComparer.Ordinal).ToList();
    }

    // Set by member initialisation, not a constructor: EF can group and count over it only then.
    private sealed class Effective
    {
        public int VillageId { get; init; }

        public RecipientStatus Status { get; init; }
    }

    /// <summary>
    /// Each row's status as far as it is known: an SMS row follows its text in the SMS outbox (matched by
    /// OutId); WeChat's reports are already on the rows (<see cref="CampaignReceipts"/>).
    /// </summary>
    private IQueryable<Effective> EffectiveStatuses(int messageId) =>
        from r in db.Set<CampaignRecipient>().AsNoTracking().Where(r => r.MessageId == messageId)
        join s in db.Set<SmsOutboundMessage>() on r.SendKey equals s.OutId into texts
        from s in texts.DefaultIfEmpty()
        select new Effective
        {
            VillageId = r.VillageId,
            Status = r.Status != RecipientStatus.Sent ? r.Status
            : s != null ? (s.Status == SmsOutboundStatus.Delivered ? RecipientStatus.Delivered
                : s.Status == SmsOutboundStatus.Failed ? RecipientStatus.Failed
                : s.Status == SmsOutboundStatus.Skipped ? RecipientStatus.OptedOut
                : RecipientStatus.Sent)
            : RecipientStatus.Sent,
        };

    public static string StatusName(CampaignMessageStatus status) => status switch
    {
        CampaignMessageStatus.Draft => "草稿（待审批）",
        CampaignMessageStatus.Approved => "已审批，等待发送时间",
        CampaignMessageStatus.Sending => "发送中",
        CampaignMessageStatus.Paused => "已暂停",
        CampaignMessageStatus.Cancelled => "已取消",
        _ => "已完成",
    };
}
