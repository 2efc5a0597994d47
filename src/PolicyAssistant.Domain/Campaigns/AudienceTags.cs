namespace PolicyAssistant.Domain.Campaigns;

/// <summary>Tags computed from the household data; a message's audience must carry all it names.</summary>
[Flags]
public enum AudienceTags
{
    None = 0,

    /// <summary>慢病患者: a certified chronic disease.</summary>
    ChronicPatient = 1,

    /// <summary>大病患者: a hospital stay that critical-illness insurance paid for.</summary>
    SeriousIllnessPatient = 2,

    /// <summary>未签约: the household has no family-doctor contract in force.</summary>
    Uncontracted = 4,

    /// <summary>已绑定微信: the member bound a WeChat account.</summary>
    BoundWeChat = 8,

    /// <summary>只能短信: a phone but no WeChat binding.</summary>
    SmsOnly = 16,
}

public static class AudienceTagNames
{
    public static readonly IReadOnlyList<(AudienceTags Tag, string Name)> All =
    [
        (AudienceTags.ChronicPatient, "慢病患者"),
        (AudienceTags.SeriousIllnessPatient, "大病患者"),
        (AudienceTags.Uncontracted, "未签约"),
        (AudienceTags.BoundWeChat, "已绑定微信"),
        (AudienceTags.SmsOnly, "只能短信"),
    ];

    public static string Describe(AudienceTags tags) =>
        tags == AudienceTags.None ? "全部" : string.Join("、", All.Where(t => tags.HasFlag(t.Tag)).Select(t => t.Name));
}
