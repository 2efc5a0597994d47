using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Application.WeChat.Protocol;

/// <summary>
/// The safe-mode cipher (WXBizMsgCrypt). The 43-character EncodingAESKey plus "=" is Base64 for a 32-byte
/// AES-256 key; the IV is the key's first 16 bytes; CBC with PKCS#7 padding to a 32-byte block (not AES's 16).
/// Plaintext = 16 random bytes, the message length as 4 bytes big-endian, the UTF-8 message, the AppID.
/// </summary>
public sealed class WeChatMessageCrypt
{
    private const int BlockSize = 32;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly string _appId;

    public WeChatMessageCrypt(string encodingAesKey, string appId)
    {
        if (encodingAesKey.Length != 43)
            throw new ArgumentException("The EncodingAESKey must be 43 characters.", nameof(encodingAesKey));
        try
        {
            _key = Convert.FromBase64String(encodingAesKey + "=");
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The EncodingAESKey is not Base64.", nameof(encodingAesKey), exception);
        }

        _iv = _key[..16];
        _appId = appId;
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(16));

    /// <summary>Encrypts with the given 16 random bytes; tests use it to get a fixed ciphertext.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        if (random.Length != 16) throw new ArgumentException("Sixteen random bytes are needed.", nameof(random));
        var body = Encoding.UTF8.GetBytes(message);
        var appId = Encoding.UTF8.GetBytes(_appId);
        var length = 16 + 4 + body.Length + appId.Length;
        var pad = BlockSize - length % BlockSize;
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), body.Length);
        body.CopyTo(plain, 20);
        appId.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException exception)
        {
            throw new WeChatProtocolException(WeChatProtocolError.Malformed, "Encrypt is not Base64.", exception);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            throw new WeChatProtocolException(WeChatProtocolError.Malformed, "Encrypt is not a whole number of AES blocks.");

        using var aes = CreateAes();
        var plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > BlockSize || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
            throw new WeChatProtocolException(WeChatProtocolError.BadPadding, "The decrypted message has bad padding.");

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20)
            throw new WeChatProtocolException(WeChatProtocolError.Malformed, "The decrypted message is too short.");
        var length = BinaryPrimitives.ReadInt32BigEndian(content[16..]);
        if (length < 0 || length > content.Length - 20)
            throw new WeChatProtocolException(WeChatProtocolError.Malformed, "The decrypted message length is out of range.");

        var appId = Encoding.UTF8.GetString(content[(20 + length)..]);
        if (!string.Equals(appId, _appId, StringComparison.Ordinal))
            throw new WeChatProtocolException(WeChatProtocolError.AppIdMismatch, "The message was encrypted for another AppID.");
        return Encoding.UTF8.GetString(content.Slice(20, length));
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
