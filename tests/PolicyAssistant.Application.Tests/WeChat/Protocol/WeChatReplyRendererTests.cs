using System.Text;
using System.Xml.Linq;
using PolicyAssistant.Application.WeChat.Protocol;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Application.Tests.WeChat.Protocol;

public sealed class WeChatReplyRendererTests
{
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wx5823bf96d3bd56c7";

    [Fact]
    public void Render_Text_AddressesTheUserFromTheAccount()
    {
        var xml = XElement.Parse(WeChatReplyRenderer.Render(new WeChatTextReply("您好"), "oUser", "gh_account", 1700000000));

        Assert.Equal(("oUser", "gh_account", "1700000000", "text", "您好"),
            ((string)xml.Element("ToUserName")!, (string)xml.Element("FromUserName")!, (string)xml.Element("CreateTime")!, (string)xml.Element("MsgType")!, (string)xml.Element("Content")!));
    }

    [Fact]
    public void Render_News_HasOneArticle()
    {
        var card = new CardAttachment("慢病办理", "带上诊断证明到乡镇卫生院", "https://example.org/chronic", "https://example.org/pic.png");

        var xml = XElement.Parse(WeChatReplyRenderer.Render(new WeChatNewsReply(card), "oUser", "gh_account", 1));

        var item = xml.Element("Articles")!.Element("item")!;
        Assert.Equal(("news", "1", "慢病办理", "带上诊断证明到乡镇卫生院", "https://example.org/pic.png", "https://example.org/chronic"),
            ((string)xml.Element("MsgType")!, (string)xml.Element("ArticleCount")!, (string)item.Element("Title")!, (string)item.Element("Description")!,
             (string)item.Element("PicUrl")!, (string)item.Element("Url")!));
    }

    [Fact]
    public void Render_LongChineseText_StaysWithin2048Bytes()
    {
        var xml = XElement.Parse(WeChatReplyRenderer.Render(new WeChatTextReply(new string('报', 1000)), "o", "g", 1));

        var content = (string)xml.Element("Content")!;
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 2040, 2048);
        Assert.EndsWith("…", content);
    }

    [Fact]
    public void TrimToBytes_EmojiAtTheCut_NeverSplitsASurrogatePair()
    {
        var trimmed = WeChatReplyRenderer.TrimToBytes("ab" + string.Concat(Enumerable.Repeat("😀", 10)), 14);

        Assert.Equal("ab😀😀…", trimmed);
    }

    [Fact]
    public void TrimToBytes_ShortText_IsUnchanged()
    {
        Assert.Equal("起付线", WeChatReplyRenderer.TrimToBytes("起付线", 2048));
    }

    [Fact]
    public void Render_TextWithCdataTerminatorAndControlCharacters_StaysWellFormed()
    {
        var xml = XElement.Parse(WeChatReplyRenderer.Render(new WeChatTextReply("a]]>b\u0001c"), "o", "g", 1));

        Assert.Equal("a]]>bc", (string)xml.Element("Content")!);
    }

    [Fact]
    public void Render_Success_IsTheBareWord()
    {
        Assert.Equal("success", WeChatReplyRenderer.Render(WeChatReply.Success, "o", "g", 1));
    }

    [Fact]
    public void Encrypt_Success_IsNeverEncrypted()
    {
        Assert.Equal("success", WeChatReplyRenderer.Encrypt("success", new WeChatMessageCrypt(AesKey, AppId), "token", "1", "2"));
    }

    [Fact]
    public void Encrypt_Reply_IsSignedAndOpensWithOpenSsl()
    {
        var reply = WeChatReplyRenderer.Render(new WeChatTextReply("答案"), "o", "g", 1);

        var envelope = XElement.Parse(WeChatReplyRenderer.Encrypt(reply, new WeChatMessageCrypt(AesKey, AppId), "token", "1700000000", "42"));

        var encrypt = (string)envelope.Element("Encrypt")!;
        Assert.Equal(IndependentCrypt.Sign("token", "1700000000", "42", encrypt), (string)envelope.Element("MsgSignature")!);
        Assert.Equal(("1700000000", "42"), ((string)envelope.Element("TimeStamp")!, (string)envelope.Element("Nonce")!));
        Assert.Equal((reply, AppId), IndependentCrypt.Open(encrypt, AesKey));
    }

}
