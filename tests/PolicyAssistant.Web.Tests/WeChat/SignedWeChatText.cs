using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace PolicyAssistant.Web.Tests.WeChat;

/// <summary>A text message POSTed to /wechat as WeChat's server sends it in plaintext mode, signed with the account's token.</summary>
internal static class SignedWeChatText
{
    public static async Task<XElement> SendAsync(HttpClient client, string token, string openId, long msgId, string text)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string nonce = "1415926";
        var signature = Sha1(string.Concat(new[] { token, timestamp, nonce }.Order(StringComparer.Ordinal)));
        var body = $"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";
        var response = await client.PostAsync($"/wechat?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid={openId}", new StringContent(body, Encoding.UTF8, "text/xml"));
        response.EnsureSuccessStatusCode();
        return XElement.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
