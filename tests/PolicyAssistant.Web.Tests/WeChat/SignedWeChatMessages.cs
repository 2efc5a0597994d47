using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace PolicyAssistant.Web.Tests.WeChat;

/// <summary>Text messages posted to /wechat as WeChat's server posts them in plaintext mode: the URL signed with the Token.</summary>
internal static class SignedWeChatMessages
{
    public static async Task<XElement> SendTextAsync(HttpClient client, string token, string openId, long msgId, string text)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(1_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(new[] { token, timestamp, nonce }.Order(StringComparer.Ordinal)))));
        var body = $"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";
        var response = await client.PostAsync($"/wechat?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid={openId}", new StringContent(body, Encoding.UTF8, "text/xml"));
        response.EnsureSuccessStatusCode();
        return XElement.Parse(await response.Content.ReadAsStringAsync());
    }
}
