using System.Globalization;
using System.Xml.Linq;
using PolicyAssistant.Application.Tests.WeChat.Protocol;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

/// <summary>
/// Posts to the endpoint the way WeChat's servers do: signature, timestamp and nonce in the query; in
/// compatible and safe mode encrypt_type=aes, msg_signature and an Encrypt envelope. Signing and
/// encryption use <see cref="IndependentCrypt"/>, not the product's own classes.
/// </summary>
internal sealed class WeChatServerSimulator(HttpClient http, string token = WeChatTestHost.Token)
{
    public const string OpenId = "oUserOpenId0000000000000001";

    private static long _nextMsgId = 6_000_000_000_000_000_000;

    public static string NewMsgId() => Interlocked.Increment(ref _nextMsgId).ToString(CultureInfo.InvariantCulture);

    public static string Text(string content, string msgId, string openId = OpenId) =>
        $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static string Message(string msgType, string fields, string msgId) =>
        $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[{msgType}]]></MsgType>{fields}<MsgId>{msgId}</MsgId></xml>";

    public static string Event(string eventName, string fields = "", long? createTime = null) =>
        $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName>"
        + $"<CreateTime>{createTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + $"<Event><![CDATA[{eventName}]]></Event>{fields}</xml>";

    public Task<HttpResponseMessage> PostAsync(string xml, CancellationToken cancellationToken = default) =>
        SendAsync(xml, encrypted: false, DateTimeOffset.UtcNow, cancellationToken);

    public Task<HttpResponseMessage> PostEncryptedAsync(string xml, CancellationToken cancellationToken = default) =>
        SendAsync(xml, encrypted: true, DateTimeOffset.UtcNow, cancellationToken);

    public Task<HttpResponseMessage> PostAtAsync(string xml, DateTimeOffset sentAt) => SendAsync(xml, encrypted: false, sentAt, default);

    /// <summary>Posts with whatever query string the test wants (forgeries, missing parameters).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string query, string body) =>
        http.PostAsync("/wechat?" + query, new StringContent(body, System.Text.Encoding.UTF8, "text/xml"));

    public static string SignedQuery(string token, DateTimeOffset sentAt, string nonce = "1372623149")
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"signature={IndependentCrypt.Sign(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={OpenId}";
    }

    /// <summary>Reads a passive reply: opens the safe-mode envelope (checking its msg_signature) when there is one.</summary>
    public XElement ReadReply(string body)
    {
        var xml = XElement.Parse(body);
        if (xml.Element("Encrypt") is not { } encrypt) return xml;
        var signature = IndependentCrypt.Sign(token, (string)xml.Element("TimeStamp")!, (string)xml.Element("Nonce")!, encrypt.Value);
        Assert.Equal(signature, (string)xml.Element("MsgSignature")!);
        var (message, appId) = IndependentCrypt.Open(encrypt.Value, WeChatTestHost.AesKey);
        Assert.Equal(FakeWeChatApi.AppId, appId);
        return XElement.Parse(message);
    }

    private Task<HttpResponseMessage> SendAsync(string xml, bool encrypted, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = SignedQuery(token, sentAt, nonce);
        var body = xml;
        if (encrypted)
        {
            var encrypt = IndependentCrypt.Seal(xml, WeChatTestHost.AesKey, FakeWeChatApi.AppId);
            var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            query += $"&encrypt_type=aes&msg_signature={IndependentCrypt.Sign(token, timestamp, nonce, encrypt)}";
            body = $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        }

        return http.PostAsync("/wechat?" + query, new StringContent(body, System.Text.Encoding.UTF8, "text/xml"), cancellationToken);
    }
}
