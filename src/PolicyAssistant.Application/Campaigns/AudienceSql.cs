using System.Globalization;
using System.Text;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>
/// A message's audience as one SQL SELECT of (MemberId, HouseholdId, VillageId, Channel), written once and
/// used for the live count, the sample and the set-based INSERT … SELECT into the outbox. Tags are
/// computed from the data in the same statement; a member goes by WeChat when bound to a follower who
/// still follows (and, for a mass send on a service account, has had fewer than four mass sends this month;
/// template messages do not count), else by customer-service message when that follower wrote within 48 hours
/// (mass sends only: a template's fields are no message text), else by SMS where there is a phone. Quoted
/// identifiers and LIKE read the same on SQLite and PostgreSQL.
/// </summary>
public sealed class AudienceSql
{
    private readonly List<object> _parameters = [];

    public AudienceSql(Audience audience, WeChatMessageKind kind, StaffScope scope, WeChatAccountKind account, DateTime now, (int From, int To)? memberRange = null)
    {
        var follows = $"""
            EXISTS (SELECT 1 FROM "IdentityBindings" b JOIN "WeChatFollowers" f ON f."UserKeyHash" = b."UserKeyHash"
                    WHERE b."ChannelId" = {Add(WeChatAdapter.ChannelId)} AND b."MemberId" = m."Id" AND f."Subscribed"
            """;
        var wechatReachable = new StringBuilder(follows + ")");
        var massSend = kind != WeChatMessageKind.Template;
        if (account == WeChatAccountKind.Service && massSend)
        {
            var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
            // Only mass sends count: WeChat's four a month leave template messages (sent on the same channel) aside.
            wechatReachable.Append(CultureInfo.InvariantCulture, $"""
                 AND (SELECT COUNT(*) FROM "CampaignRecipients" x JOIN "CampaignMessages" xm ON xm."Id" = x."MessageId"
                      WHERE x."MemberId" = m."Id" AND x."Channel" = {(int)RecipientChannel.WeChat} AND xm."WeChatKind" <> {Add(nameof(WeChatMessageKind.Template))}
                      AND x."Status" IN ({(int)RecipientStatus.Sent}, {(int)RecipientStatus.Delivered}, {(int)RecipientStatus.Read}) AND x."SentAt" >= {Add(monthStart)}) < {WeChatLimits.MassSendsPerFollowerPerMonth}
                """);
        }

        var wechat = audience.Channels.HasFlag(CampaignChannels.WeChat) ? wechatReachable.ToString() : "1 = 0";
        var customerService = audience.Channels.HasFlag(CampaignChannels.WeChat) && massSend
            ? $"{follows} AND f.\"LastMessageAt\" >= {Add(now - WeChatLimits.CustomerServiceWindow)})"
            : "1 = 0";
        var sms = audience.Channels.HasFlag(CampaignChannels.Sms) ? "m.\"PhoneCiphertext\" IS NOT NULL" : "1 = 0";
        var bound = $"""EXISTS (SELECT 1 FROM "IdentityBindings" bb WHERE bb."ChannelId" = {Add(WeChatAdapter.ChannelId)} AND bb."MemberId" = m."Id")""";

        var conditions = new List<string>();
        conditions.AddRange(AnyPrefix(audience.RegionCodes));
        conditions.AddRange(AnyPrefix(scope.RegionCodes));
        if (memberRange is var (from, to))
        {
            conditions.Add($"m.\"Id\" > {Add(from)} AND m.\"Id\" <= {Add(to)}");
        }

        if (audience.Tags.HasFlag(AudienceTags.ChronicPatient))
            conditions.Add($"""EXISTS (SELECT 1 FROM "ChronicCertifications" c WHERE c."MemberId" = m."Id" AND c."Status" = {Add(nameof(CertificationStatus.Certified))})""");
        if (audience.Tags.HasFlag(AudienceTags.SeriousIllnessPatient))
            conditions.Add("""EXISTS (SELECT 1 FROM "InpatientStays" s WHERE s."MemberId" = m."Id" AND CAST(s."Settlement_CriticalIllnessInsurance" AS REAL) > 0)""");
        if (audience.Tags.HasFlag(AudienceTags.Uncontracted))
            conditions.Add($"""NOT EXISTS (SELECT 1 FROM "DoctorContracts" d WHERE d."HouseholdId" = h."Id" AND d."Status" = {Add(nameof(DoctorContractStatus.Active))} AND d."TermEnd" >= {Add(DateOnly.FromDateTime(now))})""");
        if (audience.Tags.HasFlag(AudienceTags.BoundWeChat))
            conditions.Add(bound);
        if (audience.Tags.HasFlag(AudienceTags.SmsOnly))
            conditions.Add($"m.\"PhoneCiphertext\" IS NOT NULL AND NOT {bound}");

        // The route is worked out once per member; a member reachable by none has a NULL channel.
        Routes = $"""
            SELECT m."Id" AS "MemberId", h."Id" AS "HouseholdId", h."VillageId" AS "VillageId",
                   CASE WHEN {wechat} THEN {(int)RecipientChannel.WeChat} WHEN {customerService} THEN {(int)RecipientChannel.CustomerService}
                        WHEN {sms} THEN {(int)RecipientChannel.Sms} END AS "Channel"
            FROM "Members" m
            JOIN "Households" h ON h."Id" = m."HouseholdId"
            JOIN "Regions" v ON v."Id" = h."VillageId"
            WHERE {(conditions.Count == 0 ? "1 = 1" : string.Join("\n  AND ", conditions))}
            """;
        Select = $"""SELECT t."MemberId", t."HouseholdId", t."VillageId", t."Channel" FROM ({Routes}) t WHERE t."Channel" IS NOT NULL""";
    }

    /// <summary>Every member of the audience with their route: the channel, or NULL when no route reaches them.</summary>
    public string Routes { get; }

    /// <summary>The members some route reaches, with {0}-style placeholders for <see cref="Parameters"/>.</summary>
    public string Select { get; }

    public object[] Parameters => _parameters.ToArray();

    /// <summary>Appends one more parameter (for the statement that wraps the SELECT) and returns its placeholder.</summary>
    public string Add(object value)
    {
        _parameters.Add(value);
        return "{" + (_parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }

    private IEnumerable<string> AnyPrefix(IReadOnlyList<string> codes)
    {
        if (codes.Count > 0)
        {
            yield return "(" + string.Join(" OR ", codes.Select(code => $"v.\"Code\" LIKE {Add(code + "%")}")) + ")";
        }
    }
}
