namespace PolicyAssistant.Domain.Campaigns;

[Flags]
public enum CampaignChannels
{
    None = 0,
    WeChat = 1,
    Sms = 2,
}

/// <summary>How a message goes out on WeChat.</summary>
public enum WeChatMessageKind
{
    /// <summary>群发 text: by OpenID list on a service account, by a tag of its own on a subscription account (which has no OpenID-list send).</summary>
    MassText,

    /// <summary>群发 of an article card (mpnews) uploaded as permanent material.</summary>
    MassNews,

    /// <summary>模板消息 with short field values.</summary>
    Template,
}

public enum CampaignMessageStatus
{
    Draft,

    /// <summary>Approved by a second staff member, waiting for its send time.</summary>
    Approved,

    /// <summary>Its audience is in the outbox; the sender drains it.</summary>
    Sending,

    Paused,

    Cancelled,

    Completed,
}

/// <summary>One message of a campaign: its audience, its text for each channel, and its approval.</summary>
public sealed class CampaignMessage
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public required string Title { get; set; }

    /// <summary>The text; "{姓名}" is replaced by the recipient's name.</summary>
    public required string Body { get; set; }

    public WeChatMessageKind WeChatKind { get; set; }

    /// <summary>MassNews: the article's media_id; Template: the template_id.</summary>
    public string? WeChatMediaOrTemplateId { get; set; }

    public required Audience Audience { get; set; }

    public CampaignMessageStatus Status { get; set; }

    public int CreatedById { get; set; }

    public int? ApprovedById { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? ApprovedAt { get; set; }

    /// <summary>UTC; when the audience goes into the outbox.</summary>
    public DateTime? SendAt { get; set; }

    /// <summary>UTC; when the audience went into the outbox.</summary>
    public DateTime? EnqueuedAt { get; set; }

    public int RecipientCount { get; set; }

    /// <summary>Subscription account: the WeChat tag created for this message's mass send, which goes to the followers under it.</summary>
    public int? WeChatTagId { get; set; }

    /// <summary>The name of this message's WeChat tag: unique on the account (the approval time tells apart messages of a database set up again), within 30 bytes.</summary>
    public string WeChatTagName() => $"宣传{Id}-{ApprovedAt:yyMMddHHmmss}";

    /// <summary>WeChat's MASSSENDJOBFINISH reports on this message's mass sends, summed: followers named, after filtering, sent, failed.</summary>
    public MassSendCounts MassSendReported { get; set; } = new();

    /// <summary>What an SMS of this message says (before the sign and the opt-out words): see <see cref="SmsBodyOf"/>.</summary>
    public string SmsBody() => SmsBodyOf(Title, WeChatKind, Body);

    /// <summary>
    /// The body, or for a template message its title and field values in order as one sentence, "通知：健康扶贫政策宣传月；3月1日起。":
    /// the "key=value" lines WeChat fills into the template's labels mean nothing on a phone.
    /// </summary>
    public static string SmsBodyOf(string title, WeChatMessageKind kind, string body)
    {
        var values = kind == WeChatMessageKind.Template
            ? WeChatLimits.TemplateFields(body).Values.Select(v => v.ReplaceLineEndings("，").TrimEnd('。', '；', ';', '，', ',')).Where(v => v.Length > 0).ToList()
            : [];
        if (values.Count == 0)
        {
            return body;
        }

        var sentence = string.Join("；", values) + "。";
        return string.IsNullOrWhiteSpace(title) ? sentence : $"{title.Trim()}：{sentence}";
    }

    /// <summary>The approval rule: a second staff member who may run campaigns; null when allowed, else why not.</summary>
    public string? WhyCannotApprove(int staffId, bool mayRunCampaigns) =>
        Status != CampaignMessageStatus.Draft ? "只有草稿可以审批。"
        : staffId == CreatedById ? "不能审批自己起草的消息，请另一位工作人员审批。"
        : !mayRunCampaigns ? "只有宣传专员或管理员可以审批。"
        : null;

    public void Approve(int staffId, DateTime now)
    {
        ApprovedById = staffId;
        ApprovedAt = now;
        Status = CampaignMessageStatus.Approved;
    }
}

/// <summary>Who a message goes to: regions (empty: every region), tags (all must hold) and channels.</summary>
public sealed class Audience
{
    public List<string> RegionCodes { get; set; } = [];

    public AudienceTags Tags { get; set; }

    public CampaignChannels Channels { get; set; } = CampaignChannels.WeChat | CampaignChannels.Sms;
}

/// <summary>What WeChat reported of mass sends; FilterCount is what was left to send after its filters (refusals, the four a month).</summary>
public sealed class MassSendCounts
{
    public int TotalCount { get; set; }

    public int FilterCount { get; set; }

    public int SentCount { get; set; }

    public int ErrorCount { get; set; }
}
