namespace PolicyAssistant.Application.Sms;

public enum SmsProvider
{
    /// <summary>The embedded default: texts are stored in the OutboxGatewayEntries table and count as delivered.</summary>
    Outbox,
    Aliyun,
    Tencent,
}

/// <summary>Configuration section "Sms"; environment variables such as <c>Sms__AccessKeySecret</c> override it.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    public SmsProvider Provider { get; set; } = SmsProvider.Outbox;

    /// <summary>The provider's endpoint; empty means its public one (https://dysmsapi.aliyuncs.com, https://sms.tencentcloudapi.com).</summary>
    public string? BaseUrl { get; set; }

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    public string RegionId { get; set; } = "cn-hangzhou";

    /// <summary>Tencent only: the SMS application id.</summary>
    public string? SdkAppId { get; set; }

    /// <summary>The county's approved sign name, shown as 【…】 before every text.</summary>
    public string SignName { get; set; } = "鹿寨县卫健局";

    public SmsTemplateOptions Templates { get; set; } = new();

    public SmsLimitOptions Limits { get; set; } = new();

    public SmsDispatchOptions Dispatch { get; set; } = new();

    public SmsInboundOptions Inbound { get; set; } = new();
}

/// <summary>
/// Template codes approved by the provider. Reply and Campaign templates take the whole body in one
/// parameter named <c>content</c>; the verification-code template takes <c>code</c>.
/// </summary>
public sealed class SmsTemplateOptions
{
    public string? VerificationCode { get; set; }

    public string? Reply { get; set; }

    public string? Campaign { get; set; }
}

public sealed class SmsLimitOptions
{
    /// <summary>The sliding window all per-number limits count over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    public int InboundAnswersPerWindow { get; set; } = 10;

    public int VerificationCodesPerWindow { get; set; } = 5;

    /// <summary>Longest reply in billing segments; longer answers are cut and continue on "1", except an answer of two entries, which is written to fit.</summary>
    public int MaxReplySegments { get; set; } = 3;

    /// <summary>How long the rest of a cut answer waits for "1".</summary>
    public TimeSpan ContinuationLifetime { get; set; } = TimeSpan.FromDays(1);
}

public sealed class SmsDispatchOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Texts one dispatch round sends (or re-checks) one by one; with Aliyun or Tencent the round also makes one campaign batch call.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Provider calls per message before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claimed message belongs to one dispatcher; after it the message is re-checked, not re-sent.</summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One provider call's limit; past it the result is unknown and the status is queried before any retry.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after an unanswered call the provider's records are trusted to show the message if it was
    /// taken; only an empty answer after this long lets the message be sent again.
    /// </summary>
    public TimeSpan StatusSettleDelay { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class SmsInboundOptions
{
    /// <summary>If set, the callbacks are only served at /sms/inbound/{PathSecret} and /sms/receipts/{PathSecret}.</summary>
    public string? PathSecret { get; set; }

    /// <summary>If set, callbacks must carry ?token={SharedSecret}.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>Addresses or CIDR ranges the provider calls from; empty allows any.</summary>
    public List<string> AllowedSources { get; set; } = [];

    /// <summary>
    /// Serve the callbacks with none of the three protections above (local development only). Without it an
    /// unprotected callback answers 404: anyone could otherwise post texts in the name of any phone number.
    /// </summary>
    public bool AllowUnprotected { get; set; }

    public bool IsProtected => PathSecret is { Length: > 0 } || SharedSecret is { Length: > 0 } || AllowedSources.Count > 0;

    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Tries of a turn that throws before the text is marked failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
