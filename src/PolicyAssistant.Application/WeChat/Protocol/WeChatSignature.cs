using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Application.WeChat.Protocol;

/// <summary>
/// WeChat's request signatures: SHA-1, hex lowercase, over the parts sorted in ordinal order and
/// concatenated. <c>signature</c> covers token, timestamp and nonce; <c>msg_signature</c> adds the Encrypt text.
/// </summary>
public static class WeChatSignature
{
    public static string ForServer(string token, string timestamp, string nonce) => Compute(token, timestamp, nonce);

    public static string ForMessage(string token, string timestamp, string nonce, string encrypt) => Compute(token, timestamp, nonce, encrypt);

    /// <summary>Constant-time comparison, so a forger learns nothing from how fast a guess is refused.</summary>
    public static bool Matches(string expected, string? actual) =>
        actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));

    private static string Compute(params string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }
}
