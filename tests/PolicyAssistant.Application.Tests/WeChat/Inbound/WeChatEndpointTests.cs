using System.Net;
using System.Xml.Linq;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Tests.WeChat.Protocol;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

/// <summary>The endpoint on a real host, fed the way WeChat's servers feed it.</summary>
public sealed class WeChatEndpointTests : IAsyncLifetime
{
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<XElement> ReplyAsync(WeChatServerSimulator wechat, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return wechat.ReadReply(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_RightSignature_EchoesEchostr()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);

        var response = await host.Http.GetStringAsync("/wechat?" + WeChatServerSimulator.SignedQuery(WeChatTestHost.Token, DateTimeOffset.UtcNow) + "&echostr=7012345678901234567");

        Assert.Equal("7012345678901234567", response);
    }

    [Fact]
    public async Task Get_WrongSignature_Returns401()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        var response = await host.Http.GetAsync("/wechat?" + WeChatServerSimulator.SignedQuery("not-the-token", DateTimeOffset.UtcNow) + "&echostr=123");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_PlainText_RepliesWithTheBotsAnswerToTheUser()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("起付线是多少", WeChatServerSimulator.NewMsgId())));

        Assert.Equal((WeChatServerSimulator.OpenId, WeChatTestHost.Account, "text", "答：起付线是多少"),
            ((string)reply.Element("ToUserName")!, (string)reply.Element("FromUserName")!, (string)reply.Element("MsgType")!, (string)reply.Element("Content")!));
    }

    [Fact]
    public async Task Post_Text_ReachesTheBotAsAMessageActivity()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var msgId = WeChatServerSimulator.NewMsgId();

        await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Text("家庭医生", msgId));

        var activity = Assert.Single(host.Bot.Seen);
        Assert.Equal((ActivityTypes.Message, "wechat", WeChatServerSimulator.OpenId, msgId, "家庭医生"),
            (activity.Type, activity.ChannelId, activity.ConversationId, activity.Id, activity.Text));
    }

    [Fact]
    public async Task Post_SafeMode_RepliesEncryptedAndSigned()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);
        var wechat = new WeChatServerSimulator(host.Http);

        var response = await wechat.PostEncryptedAsync(WeChatServerSimulator.Text("大病保险", WeChatServerSimulator.NewMsgId()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.NotNull(XElement.Parse(body).Element("Encrypt"));
        Assert.Equal("答：大病保险", (string)wechat.ReadReply(body).Element("Content")!);
    }

    [Fact]
    public async Task Post_SafeModePlainRequest_Returns400WithoutTheBot()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);

        var response = await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Text("你好", WeChatServerSimulator.NewMsgId()));

        Assert.Equal((HttpStatusCode.BadRequest, 0), (response.StatusCode, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_CompatibleModePlainRequest_RepliesPlain()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Compatible);
        var wechat = new WeChatServerSimulator(host.Http);

        var body = await (await wechat.PostAsync(WeChatServerSimulator.Text("报销", WeChatServerSimulator.NewMsgId()))).Content.ReadAsStringAsync();

        Assert.Equal("答：报销", (string)XElement.Parse(body).Element("Content")!);
    }

    [Fact]
    public async Task Post_SafeModeWrongMsgSignature_Returns401()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);
        var query = WeChatServerSimulator.SignedQuery(WeChatTestHost.Token, DateTimeOffset.UtcNow) + "&encrypt_type=aes&msg_signature=0000000000000000000000000000000000000000";
        var encrypt = IndependentCrypt.Seal(WeChatServerSimulator.Text("x", "1"), WeChatTestHost.AesKey, FakeWeChatApi.AppId);

        var response = await new WeChatServerSimulator(host.Http).PostRawAsync(query, $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

        Assert.Equal((HttpStatusCode.Unauthorized, 0), (response.StatusCode, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_ReplyWithCard_RendersNews()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("卡片", WeChatServerSimulator.NewMsgId())));

        Assert.Equal(("news", "慢病办理指南", "https://example.org/chronic"),
            ((string)reply.Element("MsgType")!, (string)reply.Descendants("Title").Single(), (string)reply.Descendants("Url").Single()));
    }

    [Fact]
    public async Task Post_SameMsgIdThreeTimes_BotAnswersOnceAndEveryAttemptGetsTheSameReply()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Text("新农合", WeChatServerSimulator.NewMsgId());

        var replies = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            replies.Add(await (await wechat.PostAsync(xml)).Content.ReadAsStringAsync());
        }

        Assert.Equal((1, 1), (host.Bot.Calls, replies.Distinct().Count()));
    }

    [Fact]
    public async Task Post_Text_IsKeyedForRetriesByAppIdAndMsgIdInTheClearThenTheSendersHash()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var msgId = WeChatServerSimulator.NewMsgId();

        await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Text("起付线", msgId));

        var key = Assert.Single(await host.InboundMessagesAsync()).DedupeKey;
        Assert.Matches($"^{FakeWeChatApi.AppId}:{msgId}:[0-9a-f]{{16}}$", key);
        Assert.DoesNotContain(WeChatServerSimulator.OpenId, key, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Post_SameOverlongMsgIdTwiceOnPostgres_BotAnswersOnce()
    {
        // PostgreSQL holds the key to its length (SQLite does not): a MsgId too long to key in the clear is hashed.
        await using var host = await WeChatTestHost.StartAsync(_api, provider: DatabaseProvider.PostgreSql);
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Text("新农合", new string('7', 80));

        await wechat.PostAsync(xml);
        await wechat.PostAsync(xml);

        Assert.Equal(1, host.Bot.Calls);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Post_ThreeConcurrentAttemptsOfASlowAnswer_BotAnswersOnce(DatabaseProvider provider)
    {
        await using var host = await WeChatTestHost.StartAsync(_api, provider: provider);
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Text("慢慢问", WeChatServerSimulator.NewMsgId());

        var attempts = Enumerable.Range(0, 3).Select(_ => wechat.PostAsync(xml)).ToArray();
        await host.WaitForInboundAsync(m => m.Attempts == 3);
        host.Bot.SlowGate.SetResult();
        var replies = await Task.WhenAll(attempts.Select(async a => (string)wechat.ReadReply(await (await a).Content.ReadAsStringAsync()).Element("Content")!));

        Assert.Equal(1, host.Bot.Calls);
        Assert.All(replies, reply => Assert.Equal("答：慢慢问", reply));
    }

    [Fact]
    public async Task Post_SlowAnswerOnVerifiedAccount_RepliesSuccessThenPushesTheAnswerAsCustomerServiceMessage()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, verified: true, answerBudget: TimeSpan.FromMilliseconds(200));
        var wechat = new WeChatServerSimulator(host.Http);

        var response = await wechat.PostAsync(WeChatServerSimulator.Text("慢病门诊", WeChatServerSimulator.NewMsgId()));
        var passive = await response.Content.ReadAsStringAsync();
        host.Bot.SlowGate.SetResult();
        var pushed = await _api.NextCallAsync();

        Assert.Equal("success", passive);
        Assert.Equal(("cgi-bin/message/custom/send", WeChatServerSimulator.OpenId, "text", "答：慢病门诊"),
            (pushed.Path, (string?)pushed.Body["touser"], (string?)pushed.Body["msgtype"], (string?)pushed.Body["text"]?["content"]));
        await host.WaitForInboundAsync(m => m.State == WeChatInboundState.Delivered);
    }

    [Fact]
    public async Task Post_SlowAnswerOutside48Hours_KeepsTheAnswerForTheNextMessage()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, verified: true, answerBudget: TimeSpan.FromMilliseconds(200));
        var wechat = new WeChatServerSimulator(host.Http);
        _api.FailNext("cgi-bin/message/custom/send", 45015);

        await wechat.PostAsync(WeChatServerSimulator.Text("慢病门诊", WeChatServerSimulator.NewMsgId()));
        host.Bot.SlowGate.SetResult();
        await host.WaitForInboundAsync(m => m.State == WeChatInboundState.AwaitingNextMessage);
        var next = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("在吗", WeChatServerSimulator.NewMsgId())));

        Assert.Equal("答：慢病门诊\n\n答：在吗", (string)next.Element("Content")!);
    }

    [Fact]
    public async Task Post_SameMsgIdFromAnotherSender_IsAnsweredForThatSender()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);
        var msgId = WeChatServerSimulator.NewMsgId();

        await wechat.PostAsync(WeChatServerSimulator.Text("我家签约医生电话", msgId));
        var other = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("起付线", msgId, openId: "oAnotherSender000000000002")));

        Assert.Equal(("oAnotherSender000000000002", "答：起付线", 2), ((string)other.Element("ToUserName")!, (string)other.Element("Content")!, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_TurnWithTwoReplies_PassiveReplyCarriesBoth()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("两条", WeChatServerSimulator.NewMsgId())));

        Assert.Equal("第一条：两条\n\n第二条：两条", (string)reply.Element("Content")!);
    }

    [Fact]
    public async Task Post_TwoRepliesTooLongForOnePassiveReply_SecondRidesOnTheNextMessage()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var first = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("两条长", WeChatServerSimulator.NewMsgId())));
        await host.WaitForInboundAsync(m => m.State == WeChatInboundState.AwaitingNextMessage);
        var next = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("在吗", WeChatServerSimulator.NewMsgId())));

        Assert.Equal(("第一条：两条长", WeChatAdapter.MoreFollowsText), (((string)first.Element("Content")!)[..7], ((string)first.Element("Content")!).Split("\n\n")[^1]));
        Assert.Equal(("第二条：两条长", "答：在吗"), (((string)next.Element("Content")!)[..7], ((string)next.Element("Content")!).Split("\n\n")[^1]));
    }

    [Fact]
    public async Task Post_TwoRepliesTooLongOnVerifiedAccount_SecondGoesAsCustomerServiceMessage()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, verified: true);
        var wechat = new WeChatServerSimulator(host.Http);

        var first = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("两条长", WeChatServerSimulator.NewMsgId())));
        var pushed = await _api.NextCallAsync();

        Assert.StartsWith("第一条：两条长", (string)first.Element("Content")!);
        Assert.Equal(("cgi-bin/message/custom/send", WeChatServerSimulator.OpenId), (pushed.Path, (string?)pushed.Body["touser"]));
        Assert.StartsWith("第二条：两条长", (string?)pushed.Body["text"]?["content"]);
    }

    [Fact]
    public async Task Post_SlowAnswerReadyByTheRetry_RetryGetsTheAnswer()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, answerBudget: TimeSpan.FromMilliseconds(200));
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Text("慢性病证明", WeChatServerSimulator.NewMsgId());

        await HangUpAfterAsync(wechat, xml);
        host.Bot.SlowGate.SetResult();
        await host.WaitForInboundAsync(m => m.ReplyXml is not null);
        var retry = await ReplyAsync(wechat, await wechat.PostAsync(xml));

        Assert.Equal(("答：慢性病证明", 1), ((string)retry.Element("Content")!, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_SlowAnswerPastTheLastRetry_AsksForAnyTextAndPutsTheAnswerBeforeTheNextReply()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, answerBudget: TimeSpan.FromMilliseconds(200));
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Text("慢病报销比例", WeChatServerSimulator.NewMsgId());

        await HangUpAfterAsync(wechat, xml);
        await HangUpAfterAsync(wechat, xml);
        var lastAttempt = await ReplyAsync(wechat, await wechat.PostAsync(xml));
        host.Bot.SlowGate.SetResult();
        await host.WaitForInboundAsync(m => m.ReplyXml is not null && m.State == WeChatInboundState.AwaitingNextMessage);
        var next = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Text("1", WeChatServerSimulator.NewMsgId())));

        Assert.Equal(WeChatReplyCoordinator.AnswerPendingText, (string)lastAttempt.Element("Content")!);
        Assert.Equal("答：慢病报销比例\n\n答：1", (string)next.Element("Content")!);
    }

    /// <summary>WeChat's side of a timed-out attempt: it stops waiting and closes the connection.</summary>
    private static async Task HangUpAfterAsync(WeChatServerSimulator wechat, string xml)
    {
        using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wechat.PostAsync(xml, hangUp.Token));
    }

    [Fact]
    public async Task Post_SignedUrlReplayedWithAnotherMessage_Returns403WithoutTheBot()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);
        var seenInALog = WeChatServerSimulator.SignedQuery(WeChatTestHost.Token, DateTimeOffset.UtcNow, nonce: "271828");
        await wechat.PostRawAsync(seenInALog, WeChatServerSimulator.Text("起付线", WeChatServerSimulator.NewMsgId()));

        var replayed = await wechat.PostRawAsync(seenInALog, WeChatServerSimulator.Text("解绑", WeChatServerSimulator.NewMsgId(), openId: "oSomeoneElse0000000000000003"));

        Assert.Equal((HttpStatusCode.Forbidden, 1), (replayed.StatusCode, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_SignedUrlSentAgainWithTheSameMessage_GetsTheSameReply()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);
        var query = WeChatServerSimulator.SignedQuery(WeChatTestHost.Token, DateTimeOffset.UtcNow, nonce: "161803");
        var xml = WeChatServerSimulator.Text("起付线", WeChatServerSimulator.NewMsgId());
        var first = await (await wechat.PostRawAsync(query, xml)).Content.ReadAsStringAsync();

        var again = await (await wechat.PostRawAsync(query, xml)).Content.ReadAsStringAsync();

        Assert.Equal((first, 1), (again, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_ForgedSignature_Returns401WithoutTheBotOrTheDatabase()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var forged = new WeChatServerSimulator(host.Http, token: "guessed-token");

        var response = await forged.PostAsync(WeChatServerSimulator.Text("你好", WeChatServerSimulator.NewMsgId()));

        Assert.Equal((HttpStatusCode.Unauthorized, 0, 0), (response.StatusCode, host.Bot.Calls, (await host.InboundMessagesAsync()).Count));
    }

    [Theory]
    [InlineData("")]
    [InlineData("timestamp=1700000000&nonce=1")]
    [InlineData("signature=&timestamp=&nonce=")]
    public async Task Post_MissingSignature_Returns401(string query)
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        var response = await new WeChatServerSimulator(host.Http).PostRawAsync(query, WeChatServerSimulator.Text("你好", "1"));

        Assert.Equal((HttpStatusCode.Unauthorized, 0), (response.StatusCode, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_StaleTimestamp_Returns403WithoutTheBot()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        var response = await new WeChatServerSimulator(host.Http).PostAtAsync(WeChatServerSimulator.Text("你好", WeChatServerSimulator.NewMsgId()), DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal((HttpStatusCode.Forbidden, 0, 0), (response.StatusCode, host.Bot.Calls, (await host.InboundMessagesAsync()).Count));
    }

    [Fact]
    public async Task Post_Dtd_Returns400()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>""";

        var response = await new WeChatServerSimulator(host.Http).PostAsync(xxe);

        Assert.Equal((HttpStatusCode.BadRequest, 0), (response.StatusCode, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_65KilobyteBody_Returns413()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        var response = await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Text(new string('长', 65 * 1024 / 3 + 10), WeChatServerSimulator.NewMsgId()));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, 0), (response.StatusCode, host.Bot.Calls));
    }

    [Theory]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("<xml><MsgType>text</MsgType></xml>")]
    [InlineData("")]
    public async Task Post_MalformedXml_Returns400(string body)
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        var response = await new WeChatServerSimulator(host.Http).PostAsync(body);

        Assert.Equal((HttpStatusCode.BadRequest, 0), (response.StatusCode, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_SafeModeCiphertextNotBase64_Returns400()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        const string encrypt = "***not base64***";
        var query = $"signature={IndependentCrypt.Sign(WeChatTestHost.Token, timestamp, "9")}&timestamp={timestamp}&nonce=9&encrypt_type=aes&msg_signature={IndependentCrypt.Sign(WeChatTestHost.Token, timestamp, "9", encrypt)}";

        var response = await new WeChatServerSimulator(host.Http).PostRawAsync(query, $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_VoiceWithRecognition_AsksTheBotTheRecognisedText()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Message("voice",
            "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[住院押金。]]></Recognition>", WeChatServerSimulator.NewMsgId())));

        Assert.Equal("答：住院押金。", (string)reply.Element("Content")!);
    }

    [Fact]
    public async Task Post_VoiceNotRecognised_SaysItDidNotHearWithoutTheBot()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Message("voice",
            "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[]]></Recognition>", WeChatServerSimulator.NewMsgId())));

        Assert.Equal((WeChatMessageHandler.NotHeardText, 0), ((string)reply.Element("Content")!, host.Bot.Calls));
    }

    [Theory]
    [InlineData("image", "<PicUrl><![CDATA[http://mmbiz.example/pic]]></PicUrl><MediaId><![CDATA[m]]></MediaId>")]
    [InlineData("location", "<Location_X>29.1</Location_X><Location_Y>110.4</Location_Y><Scale>15</Scale><Label><![CDATA[张家界]]></Label>")]
    [InlineData("link", "<Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><Url><![CDATA[http://e.org]]></Url>")]
    public async Task Post_MediaTheBotCannotRead_RepliesPolitelyWithoutTheBot(string msgType, string fields)
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostAsync(WeChatServerSimulator.Message(msgType, fields, WeChatServerSimulator.NewMsgId())));

        Assert.Equal((WeChatMessageHandler.TextOnlyText, 0), ((string)reply.Element("Content")!, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_Subscribe_ReachesTheBotAsSubscribeEvent()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);
        var wechat = new WeChatServerSimulator(host.Http);

        var reply = await ReplyAsync(wechat, await wechat.PostEncryptedAsync(WeChatServerSimulator.Event("subscribe", "<EventKey><![CDATA[]]></EventKey>")));

        var activity = Assert.Single(host.Bot.Seen);
        Assert.Equal((ActivityTypes.Event, "subscribe", null), (activity.Type, activity.Name, activity.Value));
        Assert.Equal("事件：subscribe", (string)reply.Element("Content")!);
    }

    [Fact]
    public async Task Post_MenuClick_ReachesTheBotAsClickWithTheKey()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Event("CLICK", $"<EventKey><![CDATA[{WeChatMenuKeys.FamilyDoctor}]]></EventKey>"));

        var activity = Assert.Single(host.Bot.Seen);
        Assert.Equal(("click", WeChatMenuKeys.FamilyDoctor), (activity.Name, activity.Value));
    }

    [Fact]
    public async Task Post_SameEventTwice_BotSeesItOnce()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Event("CLICK", "<EventKey><![CDATA[CONTACT_US]]></EventKey>", createTime: 1_700_000_000);

        await wechat.PostAsync(xml);
        await wechat.PostAsync(xml);

        Assert.Equal(1, host.Bot.Calls);
    }

    [Fact]
    public async Task Post_Unsubscribe_RepliesSuccess()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        var response = await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Event("unsubscribe"));

        Assert.Equal(("success", "unsubscribe"), (await response.Content.ReadAsStringAsync(), Assert.Single(host.Bot.Seen).Name));
    }

    [Fact]
    public async Task Post_MassSendJobFinishTwice_RecordsOneReportAndRepliesSuccess()
    {
        await using var host = await WeChatTestHost.StartAsync(_api, WeChatEncryptionMode.Safe);
        var wechat = new WeChatServerSimulator(host.Http);
        var xml = WeChatServerSimulator.Event("MASSSENDJOBFINISH",
            "<MsgID>1000001625</MsgID><Status><![CDATA[send success]]></Status><TotalCount>100</TotalCount><FilterCount>80</FilterCount><SentCount>75</SentCount><ErrorCount>5</ErrorCount>");

        var first = await (await wechat.PostEncryptedAsync(xml)).Content.ReadAsStringAsync();
        await wechat.PostEncryptedAsync(xml);

        var report = Assert.Single(await host.ReceiptsAsync());
        Assert.Equal(("success", WeChatReceiptKind.MassSend, "1000001625", "send success", 75, 5, 0),
            (first, report.Kind, report.MsgId, report.Status, report.SentCount, report.ErrorCount, host.Bot.Calls));
    }

    [Fact]
    public async Task Post_TemplateSendJobFinish_RecordsTheStatus()
    {
        await using var host = await WeChatTestHost.StartAsync(_api);

        await new WeChatServerSimulator(host.Http).PostAsync(WeChatServerSimulator.Event("TEMPLATESENDJOBFINISH",
            "<MsgID>200163840</MsgID><Status><![CDATA[failed:user block]]></Status>"));

        var report = Assert.Single(await host.ReceiptsAsync());
        Assert.Equal((WeChatReceiptKind.TemplateMessage, "200163840", "failed:user block"), (report.Kind, report.MsgId, report.Status));
    }
}
