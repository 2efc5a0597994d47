using System.Globalization;
using System.Text;
using System.Xml;

namespace PolicyAssistant.Application.WeChat.Protocol;

/// <summary>Renders passive replies (被动回复) in WeChat's XML, and their safe-mode envelope.</summary>
public static class WeChatReplyRenderer
{
    /// <summary>The bare acknowledgement: WeChat shows nothing and does not retry. Never encrypted.</summary>
    public const string Success = "success";

    /// <summary>WeChat truncates or drops a passive text past 2,048 bytes of UTF-8.</summary>
    public const int MaxTextBytes = 2048;

    private const string Ellipsis = "…";

    /// <param name="toUser">The user's OpenID (the request's FromUserName).</param>
    /// <param name="fromUser">The account's id (the request's ToUserName).</param>
    public static string Render(WeChatReply reply, string toUser, string fromUser, long createTime)
    {
        if (reply is WeChatSuccessReply) return Success;

        var xml = new StringBuilder("<xml>");
        Field(xml, "ToUserName", toUser);
        Field(xml, "FromUserName", fromUser);
        xml.Append("<CreateTime>").Append(createTime.ToString(CultureInfo.InvariantCulture)).Append("</CreateTime>");
        switch (reply)
        {
            case WeChatTextReply text:
                Field(xml, "MsgType", "text");
                Field(xml, "Content", TrimToBytes(text.Content, MaxTextBytes));
                break;
            case WeChatNewsReply news:
                Field(xml, "MsgType", "news");
                xml.Append("<ArticleCount>1</ArticleCount><Articles><item>");
                Field(xml, "Title", news.Article.Title);
                Field(xml, "Description", news.Article.Description);
                Field(xml, "PicUrl", news.Article.PictureUrl ?? "");
                Field(xml, "Url", news.Article.Url ?? "");
                xml.Append("</item></Articles>");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "No passive rendering for this reply.");
        }

        return xml.Append("</xml>").ToString();
    }

    /// <summary>
    /// The safe-mode reply: the rendered XML encrypted, signed with msg_signature. A bare <c>success</c> is
    /// passed through as it is, since WeChat reads it before any decryption.
    /// </summary>
    public static string Encrypt(string replyXml, WeChatMessageCrypt crypt, string token, string timestamp, string nonce)
    {
        if (replyXml == Success) return Success;
        var encrypted = crypt.Encrypt(replyXml);
        var xml = new StringBuilder("<xml>");
        Field(xml, "Encrypt", encrypted);
        Field(xml, "MsgSignature", WeChatSignature.ForMessage(token, timestamp, nonce, encrypted));
        xml.Append("<TimeStamp>").Append(timestamp).Append("</TimeStamp>");
        Field(xml, "Nonce", nonce);
        return xml.Append("</xml>").ToString();
    }

    /// <summary>Cuts <paramref name="text"/> at a character boundary so its UTF-8 form, with an ellipsis, fits <paramref name="maxBytes"/>.</summary>
    public static string TrimToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var budget = maxBytes - Encoding.UTF8.GetByteCount(Ellipsis);
        var kept = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (used + size > budget) break;
            kept.Append(element);
            used += size;
        }

        return kept.Append(Ellipsis).ToString();
    }

    private static void Field(StringBuilder xml, string name, string value)
    {
        // Control characters are not allowed in XML even inside CDATA (WeChat would reject the whole reply),
        // and "]]>" would close the section early: split it across two sections.
        var clean = string.Concat(value.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
            .Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal);
        xml.Append('<').Append(name).Append("><![CDATA[").Append(clean).Append("]]></").Append(name).Append('>');
    }
}
