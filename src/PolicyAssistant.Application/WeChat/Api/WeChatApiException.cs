namespace PolicyAssistant.Application.WeChat.Api;

/// <summary>WeChat's API answered with a non-zero errcode.</summary>
public sealed class WeChatApiException(int errorCode, string errorMessage)
    : Exception($"WeChat API error {errorCode}: {errorMessage}")
{
    /// <summary>40001: the access token is invalid (refreshed elsewhere, or wrong secret).</summary>
    public const int InvalidCredential = 40001;

    /// <summary>43004: the user does not follow the account (any more).</summary>
    public const int RequireSubscribe = 43004;

    /// <summary>42001: the access token expired.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>45015: the user has not written to the account in 48 hours, so customer-service messages are refused.</summary>
    public const int ResponseOutOfTimeLimit = 45015;

    /// <summary>45047: the customer-service quota for this user is used up (at most 20 replies per user message).</summary>
    public const int OutOfResponseCountLimit = 45047;

    /// <summary>45028: the account has no mass sends left (a subscription account's one a day is spent).</summary>
    public const int NoMassSendQuota = 45028;

    /// <summary>45065: a mass send with this clientmsgid went out in the last 24 hours; it is not sent again.</summary>
    public const int ClientMsgIdExists = 45065;

    /// <summary>45157: a tag of this name exists already (tags/create).</summary>
    public const int TagNameExists = 45157;

    /// <summary>45159: no such tag (deleted, or never made).</summary>
    public const int InvalidTagId = 45159;

    public int ErrorCode { get; } = errorCode;

    /// <summary>The msg_id WeChat names beside an error (45065: the earlier send's).</summary>
    public string? MsgId { get; init; }

    public string ErrorMessage { get; } = errorMessage;
}
