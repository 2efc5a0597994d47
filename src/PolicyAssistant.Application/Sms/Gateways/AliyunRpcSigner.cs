using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// Aliyun's RPC signature, version 1.0 with HMAC-SHA1: sort the parameters by name, percent-encode
/// names and values per RFC 3986, join them as a query, then sign
/// <c>METHOD&amp;%2F&amp;percentEncode(query)</c> with the key <c>AccessKeySecret&amp;</c> and Base64 the digest.
/// </summary>
public sealed class AliyunRpcSigner(string accessKeySecret)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(accessKeySecret + "&");

    public string Sign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var stringToSign = StringToSign(httpMethod, parameters);
        return Convert.ToBase64String(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters) =>
        httpMethod.ToUpperInvariant() + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalizedQuery(parameters));

    /// <summary>Parameters sorted by name in ordinal (byte) order, the Signature parameter left out.</summary>
    public static string CanonicalizedQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    /// <summary>RFC 3986: only A–Z, a–z, 0–9, '-', '_', '.', '~' stay; every other UTF-8 byte becomes %XX (so space is %20, '*' is %2A).</summary>
    public static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }
}
