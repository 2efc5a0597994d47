namespace PolicyAssistant.Application.WeChat.Api;

/// <summary>
/// The account's access token, shared by every instance. WeChat allows few refreshes a day, so only the
/// instance holding the lease (taken with a conditional UPDATE) calls the token API; the others wait for its result.
/// </summary>
public sealed class WeChatAccessToken
{
    public required string AppId { get; set; }

    public string? Token { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When a forced refresh last ran: WeChat allows one per 30 seconds and 20 a day.</summary>
    public DateTimeOffset? ForcedRefreshAt { get; set; }

    public string? LeaseHolder { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
