using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>Configuration section "Campaigns".</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    public WeChatAccountKind WeChatAccount { get; set; } = WeChatAccountKind.Service;

    /// <summary>Recipients a second per channel; the sender holds these with a token bucket.</summary>
    public double WeChatRatePerSecond { get; set; } = 200;

    public double SmsRatePerSecond { get; set; } = 50;

    /// <summary>Customer-service messages go one call each, to the few followers a mass send cannot reach.</summary>
    public double CustomerServiceRatePerSecond { get; set; } = 20;

    /// <summary>OpenIDs a mass-send call carries (WeChat takes up to 10,000).</summary>
    public int WeChatBatchSize { get; set; } = 1000;

    /// <summary>Texts one claim hands to the SMS outbox: small, so the SQLite write gate is never held for long.</summary>
    public int SmsBatchSize { get; set; } = 50;

    /// <summary>Customer-service messages one claim takes: each is its own call, and all must go within the lease.</summary>
    public int CustomerServiceBatchSize { get; set; } = 20;

    /// <summary>How long a claim belongs to one sender; after it another instance takes the rows over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Members per INSERT … SELECT when an audience goes into the outbox on SQLite, so other writers get the file between chunks (PostgreSQL takes it in one).</summary>
    public int EnqueueChunk { get; set; } = 200_000;

    /// <summary>
    /// Where households reach the product (https://…/), for the link a template message carries: each recipient's own
    /// /r/{token}, which marks them read. Without it template messages carry no link.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>This instance's name in claims; default: machine and process id.</summary>
    public string? InstanceName { get; set; }
}
