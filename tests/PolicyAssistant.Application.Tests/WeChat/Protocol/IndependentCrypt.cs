using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Application.Tests.WeChat.Protocol;

/// <summary>
/// A second implementation of WeChat's wire format, written apart from the product's classes so the tests
/// do not check the code against itself: AES-256-CBC by the openssl command line, the framing
/// (16 random bytes, 4-byte big-endian length, message, AppID, PKCS#7 to 32 bytes) and SHA-1 signatures by hand.
/// </summary>
internal static class IndependentCrypt
{
    public static string Sign(params string[] parts)
    {
        var sorted = parts.OrderBy(part => part, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    public static string Seal(string message, string encodingAesKey, string appId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var body = Encoding.UTF8.GetBytes(message);
        var plain = new List<byte>(RandomNumberGenerator.GetBytes(16));
        plain.AddRange([(byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length]);
        plain.AddRange(body);
        plain.AddRange(Encoding.UTF8.GetBytes(appId));
        var pad = 32 - plain.Count % 32;
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        return Convert.ToBase64String(OpenSsl(decrypt: false, key, [.. plain]));
    }

    public static (string Message, string AppId) Open(string encrypt, string encodingAesKey)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var plain = OpenSsl(decrypt: true, key, Convert.FromBase64String(encrypt));
        var pad = plain[^1];
        Assert.InRange(pad, 1, 32);
        Assert.All(plain[^pad..], b => Assert.Equal(pad, b));
        var length = (plain[16] << 24) | (plain[17] << 16) | (plain[18] << 8) | plain[19];
        var message = Encoding.UTF8.GetString(plain, 20, length);
        var appId = Encoding.UTF8.GetString(plain, 20 + length, plain.Length - pad - 20 - length);
        return (message, appId);
    }

    private static byte[] OpenSsl(bool decrypt, byte[] key, byte[] data)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "enc", "-aes-256-cbc", decrypt ? "-d" : "-e", "-nopad", "-K", Convert.ToHexString(key), "-iv", Convert.ToHexString(key[..16]) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl could not be started; install it (apt-get install openssl).");
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(data);
        process.StandardInput.Close();
        reading.Wait();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output.ToArray();
    }
}
