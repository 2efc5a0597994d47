using System.Text;
using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.Tests.WeChat.Protocol;

public sealed class WeChatMessageCryptTests
{
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wx5823bf96d3bd56c7";
    private const string Message = "<xml><Content><![CDATA[住院押金]]></Content></xml>";

    // Produced by Python framing + `openssl enc -aes-256-cbc -nopad` with random bytes 00..0f.
    private const string KnownCiphertext =
        "IG+0eOkLdhYW9kHtuT3HY/pmt99S1X340DNHuJfDiSfYsey7tdVO4amV4IhKuOLe2FJT+fnGLZOIDIpaETWgXTnWT9OeqVtPhXBJNYQpAEVXbZmnQ+YO8rWrAgb/Ntze";

    private readonly WeChatMessageCrypt _crypt = new(AesKey, AppId);

    [Fact]
    public void Encrypt_FixedRandomBytes_GivesTheIndependentlyComputedCiphertext()
    {
        var random = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

        Assert.Equal(KnownCiphertext, _crypt.Encrypt(Message, random));
    }

    [Fact]
    public void Decrypt_IndependentlyComputedCiphertext_GivesTheMessage()
    {
        Assert.Equal(Message, _crypt.Decrypt(KnownCiphertext));
    }

    [Fact]
    public void Encrypt_AnyMessage_OpensWithOpenSsl()
    {
        var (message, appId) = IndependentCrypt.Open(_crypt.Encrypt(Message), AesKey);

        Assert.Equal((Message, AppId), (message, appId));
    }

    [Fact]
    public void Decrypt_SealedWithOpenSsl_GivesTheMessage()
    {
        var long1 = string.Concat(Enumerable.Repeat("慢病门诊报销", 200));

        Assert.Equal(long1, _crypt.Decrypt(IndependentCrypt.Seal(long1, AesKey, AppId)));
    }

    [Fact]
    public void Encrypt_MessageOfAnyLength_PadsToWhole32ByteBlocks()
    {
        for (var length = 0; length < 40; length++)
        {
            var cipher = Convert.FromBase64String(_crypt.Encrypt(new string('a', length)));
            Assert.Equal(0, cipher.Length % 32);
        }
    }

    [Fact]
    public void Decrypt_OtherAppId_ThrowsAppIdMismatch()
    {
        var other = new WeChatMessageCrypt(AesKey, "wx0000000000000000");

        var error = Assert.Throws<WeChatProtocolException>(() => other.Decrypt(KnownCiphertext));

        Assert.Equal(WeChatProtocolError.AppIdMismatch, error.Error);
    }

    [Fact]
    public void Decrypt_WrongKey_ThrowsBadPaddingOrMismatch()
    {
        var wrongKey = new WeChatMessageCrypt("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut", AppId);

        var error = Assert.Throws<WeChatProtocolException>(() => wrongKey.Decrypt(KnownCiphertext));

        Assert.Contains(error.Error, new[] { WeChatProtocolError.BadPadding, WeChatProtocolError.Malformed, WeChatProtocolError.AppIdMismatch });
    }

    [Fact]
    public void Decrypt_TamperedLastBlock_ThrowsBadPadding()
    {
        var cipher = Convert.FromBase64String(KnownCiphertext);
        cipher[^17] ^= 0x5A; // CBC: flipping the previous block's byte flips the same byte of the last plaintext block (the padding).

        var error = Assert.Throws<WeChatProtocolException>(() => _crypt.Decrypt(Convert.ToBase64String(cipher)));

        Assert.Equal(WeChatProtocolError.BadPadding, error.Error);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("QUJD")]
    [InlineData("")]
    public void Decrypt_NotWholeBlocksOfBase64_ThrowsMalformed(string encrypt)
    {
        var error = Assert.Throws<WeChatProtocolException>(() => _crypt.Decrypt(encrypt));

        Assert.Equal(WeChatProtocolError.Malformed, error.Error);
    }

    [Fact]
    public void Constructor_KeyOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WeChatMessageCrypt("short", AppId));
    }

    [Fact]
    public void Decrypt_Utf8Message_KeepsChineseIntact()
    {
        var text = "建档立卡贫困户住院先诊疗后付费";

        Assert.Equal(text, _crypt.Decrypt(_crypt.Encrypt(text)));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), Encoding.UTF8.GetBytes(_crypt.Decrypt(_crypt.Encrypt(text))).Length);
    }
}
