using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.Tests.WeChat.Protocol;

public sealed class WeChatRequestMessageTests
{
    private const string Head = "<ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[oUser123]]></FromUserName><CreateTime>1700000000</CreateTime>";

    private static WeChatRequestMessage Parse(string rest) =>
        WeChatRequestMessage.FromFields(WeChatXml.ReadFields($"<xml>{Head}{rest}</xml>", 65536));

    [Fact]
    public void FromFields_Text_ReadsContentAndMsgId()
    {
        var message = Parse("<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[大病保险怎么报]]></Content><MsgId>1234567890123456</MsgId>");

        Assert.Equal(new WeChatTextMessage("gh_account", "oUser123", 1700000000, "1234567890123456", "大病保险怎么报"), message);
    }

    [Fact]
    public void FromFields_VoiceWithRecognition_ReadsRecognition()
    {
        var message = Parse("<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[住院押金]]></Recognition><MsgId>1</MsgId>");

        Assert.Equal("住院押金", Assert.IsType<WeChatVoiceMessage>(message).Recognition);
    }

    [Fact]
    public void FromFields_Location_ReadsCoordinatesAndLabel()
    {
        var message = Parse("<MsgType><![CDATA[location]]></MsgType><Location_X>29.117</Location_X><Location_Y>110.479</Location_Y><Scale>15</Scale><Label><![CDATA[张家界市]]></Label><MsgId>2</MsgId>");

        var location = Assert.IsType<WeChatLocationMessage>(message);
        Assert.Equal((29.117, 110.479, "张家界市"), (location.Latitude, location.Longitude, location.Label));
    }

    [Theory]
    [InlineData("image", typeof(WeChatImageMessage))]
    [InlineData("video", typeof(WeChatVideoMessage))]
    [InlineData("shortvideo", typeof(WeChatVideoMessage))]
    [InlineData("link", typeof(WeChatLinkMessage))]
    [InlineData("music", typeof(WeChatUnknownMessage))]
    public void FromFields_OtherMessageTypes_MapToTheirRecord(string msgType, Type expected)
    {
        Assert.IsType(expected, Parse($"<MsgType><![CDATA[{msgType}]]></MsgType><MsgId>3</MsgId>"));
    }

    [Theory]
    [InlineData("subscribe", typeof(WeChatSubscribeEvent))]
    [InlineData("unsubscribe", typeof(WeChatUnsubscribeEvent))]
    [InlineData("CLICK", typeof(WeChatClickEvent))]
    [InlineData("VIEW", typeof(WeChatViewEvent))]
    [InlineData("SCAN", typeof(WeChatUnknownEvent))]
    public void FromFields_Events_MapToTheirRecord(string eventName, Type expected)
    {
        Assert.IsType(expected, Parse($"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><EventKey><![CDATA[K]]></EventKey>"));
    }

    [Fact]
    public void FromFields_Click_ReadsEventKey()
    {
        var message = Parse("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[FAMILY_DOCTOR]]></EventKey>");

        Assert.Equal("FAMILY_DOCTOR", Assert.IsType<WeChatClickEvent>(message).EventKey);
    }

    [Fact]
    public void FromFields_TemplateSendJobFinish_ReadsMsgIdAndStatus()
    {
        var message = Parse("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status>");

        var report = Assert.IsType<WeChatTemplateSendJobFinishEvent>(message);
        Assert.Equal(("200163836", "failed:user block"), (report.MsgId, report.Status));
    }

    [Fact]
    public void FromFields_MassSendJobFinish_ReadsCounts()
    {
        var message = Parse("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[MASSSENDJOBFINISH]]></Event><MsgID>1988</MsgID><Status><![CDATA[send success]]></Status>"
            + "<TotalCount>100</TotalCount><FilterCount>80</FilterCount><SentCount>75</SentCount><ErrorCount>5</ErrorCount>");

        var report = Assert.IsType<WeChatMassSendJobFinishEvent>(message);
        Assert.Equal((100, 80, 75, 5), (report.TotalCount, report.FilterCount, report.SentCount, report.ErrorCount));
    }

    [Theory]
    [InlineData("<xml><MsgType>text</MsgType></xml>")]
    [InlineData("<xml>" + Head + "<MsgType>text</MsgType><Content>hi</Content></xml>")]
    [InlineData("<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId></xml>")]
    public void FromFields_MissingOrBadRequiredField_ThrowsMalformed(string xml)
    {
        var error = Assert.Throws<WeChatProtocolException>(() => WeChatRequestMessage.FromFields(WeChatXml.ReadFields(xml, 65536)));

        Assert.Equal(WeChatProtocolError.Malformed, error.Error);
    }
}
