using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Web.Tests.WeChat;

/// <summary>The whole product behind POST /wechat: a signed message as WeChat sends it gets the knowledge base's answer.</summary>
public sealed class WeChatProductTests : IClassFixture<WeChatProductTests.Product>
{
    private const string Token = "product-test-token";
    private const string AppId = "wx0123456789abcdef";
    private readonly Product _product;

    public WeChatProductTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        public ProductFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = AppId,
            ["WeChat:Mode"] = "Plaintext",
        });

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task TextMessage_SignedLikeWeChat_IsAnsweredFromTheKnowledgeBase()
    {
        var reply = await SendTextAsync("oUser-deposit", 7001, "住院要交押金吗");

        Assert.Equal("text", reply.Element("MsgType")!.Value);
        Assert.Equal("oUser-deposit", reply.Element("ToUserName")!.Value);
        Assert.Contains("押金", reply.Element("Content")!.Value);
        Assert.Contains("依据", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task TextMessage_RetriedByWeChat_IsAnsweredOnceWithTheSameReply()
    {
        var first = await SendTextAsync("oUser-retry", 7002, "慢病证明在哪办");
        var retry = await SendTextAsync("oUser-retry", 7002, "慢病证明在哪办");

        Assert.Equal(first.Element("Content")!.Value, retry.Element("Content")!.Value);
        var transcript = await _product.Factory.Services.GetRequiredService<ITranscriptStore>().GetTranscriptAsync("wechat", "oUser-retry", CancellationToken.None);
        Assert.Single(transcript, t => t.Direction == TranscriptDirection.Incoming);
    }

    private async Task<XElement> SendTextAsync(string openId, long msgId, string text)
    {
        using var client = _product.Factory.CreateClient();
        return await SignedWeChatText.SendAsync(client, Token, openId, msgId, text);
    }
}
