namespace PolicyAssistant.Domain.Campaigns;

public enum WeChatAccountKind
{
    /// <summary>服务号: each follower receives at most four mass sends a calendar month.</summary>
    Service,

    /// <summary>订阅号: one mass send a day, and only to all followers or to a tag (no OpenID list).</summary>
    Subscription,
}

/// <summary>
/// What WeChat allows, known before sending (developers.weixin.qq.com, 群发接口 and 模板消息): the composer
/// shows these rules and refuses a message WeChat would refuse.
/// </summary>
public static class WeChatLimits
{
    public const int MassSendsPerFollowerPerMonth = 4;
    public const int MassSendsPerDayForSubscription = 1;
    public const int MinOpenIdsPerMassSend = 2;
    public const int MaxOpenIdsPerMassSend = 10_000;
    public const int MaxClientMsgIdBytes = 64;

    /// <summary>tags/create: a tag's name, in UTF-8 bytes (WeChat says 30 characters, and answers 45158 past 30 bytes).</summary>
    public const int MaxTagNameBytes = 30;

    /// <summary>tags/members/batchtagging: OpenIDs a call (40032 past it).</summary>
    public const int MaxOpenIdsPerTagging = 50;
    public const int MaxTemplateValueLength = 20;
    public const int MaxMassTextBytes = 2_048;
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(48);

    /// <summary>Template fields WeChat no longer shows: messages that fill them are refused.</summary>
    public static readonly IReadOnlyList<string> DroppedTemplateFields = ["first", "remark", "color"];

    public static string Describe(WeChatAccountKind account) => account == WeChatAccountKind.Service
        ? "服务号：每位关注者每月最多收到4条群发，超出的人48小时内给公众号发过消息的改发客服消息，否则改发短信（有手机号的）；模板消息每个字段不超过20个字、不能换行、不能设置颜色和备注；客服消息只能在对方48小时内发过消息时发送。"
        : "订阅号：每天只能群发1次，且只能按标签群发（系统为每条群发建一个标签，给收信的关注者打上后一次发出）；模板消息每个字段不超过20个字、不能换行、不能设置颜色和备注；客服消息只能在对方48小时内发过消息时发送。";

    /// <summary>The reasons WeChat would refuse the message as composed; empty when it would take it.</summary>
    public static IReadOnlyList<string> Check(WeChatMessageKind kind, string body, string? mediaOrTemplateId, IReadOnlyDictionary<string, string>? templateFields = null)
    {
        var problems = new List<string>();
        switch (kind)
        {
            case WeChatMessageKind.MassText when System.Text.Encoding.UTF8.GetByteCount(body) > MaxMassTextBytes:
                problems.Add($"群发文字不能超过{MaxMassTextBytes}字节（约680个汉字）。");
                break;
            case WeChatMessageKind.MassNews when string.IsNullOrWhiteSpace(mediaOrTemplateId):
                problems.Add("图文消息需要填写图文素材的 media_id。");
                break;
            case WeChatMessageKind.Template:
                if (string.IsNullOrWhiteSpace(mediaOrTemplateId))
                {
                    problems.Add("模板消息需要填写模板 ID。");
                }

                foreach (var (key, value) in templateFields ?? TemplateFields(body))
                {
                    if (DroppedTemplateFields.Contains(key, StringComparer.OrdinalIgnoreCase))
                        problems.Add($"模板消息不再支持“{key}”字段（颜色、首行和备注都不显示）。");
                    if (value.Length > MaxTemplateValueLength)
                        problems.Add($"模板字段“{key}”超过{MaxTemplateValueLength}个字。");
                    if (value.Contains('\n') || value.Contains('\r'))
                        problems.Add($"模板字段“{key}”不能换行。");
                }

                break;
        }

        return problems;
    }

    /// <summary>A template message's body is written one field a line: "thing1=健康扶贫政策宣传月"; the fields keep the body's order.</summary>
    public static IReadOnlyDictionary<string, string> TemplateFields(string body)
    {
        var fields = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                fields[line[..separator].Trim()] = line[(separator + 1)..].Trim().Replace("\\n", "\n", StringComparison.Ordinal);
            }
        }

        return fields;
    }
}
