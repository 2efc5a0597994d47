namespace PolicyAssistant.Application.WeChat;

/// <summary>How the account's server configuration (服务器配置) encrypts messages.</summary>
public enum WeChatEncryptionMode
{
    /// <summary>明文模式: plain XML both ways.</summary>
    Plaintext,

    /// <summary>兼容模式: plain and encrypted side by side; encrypted requests get encrypted replies.</summary>
    Compatible,

    /// <summary>安全模式: every message encrypted; a plain request is refused.</summary>
    Safe,
}

/// <summary>The "WeChat" configuration section; environment variables such as <c>WeChat__Token</c> override it.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>The Token typed into 服务器配置; signs every request WeChat sends.</summary>
    public string Token { get; set; } = "";

    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>43 Base64 characters; needed in compatible and safe mode.</summary>
    public string EncodingAesKey { get; set; } = "";

    public WeChatEncryptionMode Mode { get; set; } = WeChatEncryptionMode.Plaintext;

    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com/");

    /// <summary>How long a request waits for the bot before taking the slow path; WeChat gives up after 5 s.</summary>
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a claim on a turn holds without renewal (the owner renews it every third of this while the turn runs).
    /// Shorter than WeChat's 5 s between attempts, so the retry after a crash reruns the turn instead of waiting.
    /// </summary>
    public TimeSpan TurnLease { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How far a request's timestamp may be from our clock before it is refused as a replay.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A verified service account (认证服务号) may push customer-service messages, so slow answers go out that way.</summary>
    public bool IsVerifiedServiceAccount { get; set; }

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>What is missing for production, in words an operator can act on; empty when nothing is.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        var missing = new List<string>();
        if (Token.Length == 0) missing.Add("WeChat:Token is not set: every request from WeChat will be refused.");
        if (AppId.Length == 0) missing.Add("WeChat:AppId is not set.");
        if (AppSecret.Length == 0) missing.Add("WeChat:AppSecret is not set: the API (menus, pushes) cannot be used.");
        if (Mode != WeChatEncryptionMode.Plaintext && EncodingAesKey.Length != 43)
            missing.Add("WeChat:EncodingAesKey must be 43 characters in compatible or safe mode.");
        if (Mode != WeChatEncryptionMode.Safe)
        {
            // Outside safe mode the URL signature does not cover the body: whoever sees one signed URL may post
            // other bodies with it for as long as its timestamp is accepted, and households bind their identity here.
            missing.Add($"WeChat:Mode is {Mode}: choose Safe (and set WeChat:EncodingAesKey) before households bind their identity through the account.");
        }

        return missing;
    }
}
