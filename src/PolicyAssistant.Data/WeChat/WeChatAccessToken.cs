namespace PolicyAssistant.Data.WeChat;

/// <summary>
/// The account's access token, shared by every instance. WeChat allows few refreshes a day, so only the
/// instance holding the lease (taken with a conditional UPDATE) calls the token API; the others wait for its result.
/// </summary>
public sealed class WeChatAccessToken
{
    public required string AppId { get; set; }

    public string? Token { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the token was last fetched; forced refreshes are rate-limited against it.</summary>
    public DateTimeOffset? RefreshedAt { get; set; }

    public string? LeaseHolder { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
