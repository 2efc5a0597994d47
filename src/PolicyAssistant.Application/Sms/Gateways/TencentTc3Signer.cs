using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// Tencent Cloud API signature v3 (TC3-HMAC-SHA256) for a JSON POST to "/", signing the content-type and
/// host headers: a canonical request is hashed into the string to sign, and the key is derived from the
/// secret through the date, the service and "tc3_request".
/// </summary>
public sealed class TencentTc3Signer(string secretId, string secretKey, string service)
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string ContentType = "application/json; charset=utf-8";
    private const string SignedHeaders = "content-type;host";

    /// <summary>The Authorization header for <paramref name="body"/> sent to <paramref name="host"/> at <paramref name="timestamp"/> (Unix seconds).</summary>
    public string Authorize(string host, string body, long timestamp)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{service}/tc3_request";
        var stringToSign = StringToSign(host, body, timestamp, scope);
        var signingKey = Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date), service), "tc3_request");
        var signature = Convert.ToHexStringLower(Hmac(signingKey, stringToSign));
        return $"{Algorithm} Credential={secretId}/{scope}, SignedHeaders={SignedHeaders}, Signature={signature}";
    }

    public static string CanonicalRequest(string host, string body) =>
        $"POST\n/\n\ncontent-type:{ContentType}\nhost:{host.ToLowerInvariant()}\n\n{SignedHeaders}\n{Sha256Hex(body)}";

    public static string StringToSign(string host, string body, long timestamp, string scope) =>
        $"{Algorithm}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{scope}\n{Sha256Hex(CanonicalRequest(host, body))}";

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
