namespace PolicyAssistant.Application.WeChat.Protocol;

public enum WeChatProtocolError
{
    /// <summary>Not well-formed XML, a missing field, or a ciphertext that is not Base64 or whole blocks.</summary>
    Malformed,

    /// <summary>A DOCTYPE: refused outright, so no entity can be expanded or fetched.</summary>
    DtdProhibited,

    TooLarge,

    /// <summary>The decrypted block does not end in valid PKCS#7 padding: wrong key or tampered ciphertext.</summary>
    BadPadding,

    /// <summary>The message decrypted but was encrypted for another AppID.</summary>
    AppIdMismatch,
}

/// <summary>A request that does not follow WeChat's wire format; the endpoint answers it with 4xx, never 500.</summary>
public sealed class WeChatProtocolException(WeChatProtocolError error, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public WeChatProtocolError Error { get; } = error;
}
