using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.Tests.WeChat.Protocol;

public sealed class WeChatXmlTests
{
    private const int Limit = 64 * 1024;

    [Fact]
    public void ReadFields_CdataAndPlainElements_ReturnsTheirText()
    {
        var fields = WeChatXml.ReadFields(
            "<xml><ToUserName><![CDATA[gh_123]]></ToUserName><CreateTime>1348831860</CreateTime><Content><![CDATA[a<b>&c]]></Content></xml>", Limit);

        Assert.Equal(("gh_123", "1348831860", "a<b>&c"), (fields["ToUserName"], fields["CreateTime"], fields["Content"]));
    }

    [Fact]
    public void ReadFields_ExternalEntity_IsRefusedAsDtd()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]><xml><Content>&secret;</Content></xml>""";

        var error = Assert.Throws<WeChatProtocolException>(() => WeChatXml.ReadFields(xxe, Limit));

        Assert.Equal(WeChatProtocolError.DtdProhibited, error.Error);
    }

    [Fact]
    public void ReadFields_EntityExpansionBomb_IsRefusedAsDtd()
    {
        const string bomb = """<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>""";

        var error = Assert.Throws<WeChatProtocolException>(() => WeChatXml.ReadFields(bomb, Limit));

        Assert.Equal(WeChatProtocolError.DtdProhibited, error.Error);
    }

    [Theory]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    [InlineData("<xml><Content>&undeclared;</Content></xml>")]
    public void ReadFields_MalformedXml_ThrowsMalformed(string xml)
    {
        var error = Assert.Throws<WeChatProtocolException>(() => WeChatXml.ReadFields(xml, Limit));

        Assert.Equal(WeChatProtocolError.Malformed, error.Error);
    }

    [Fact]
    public void ReadFields_LongerThanLimit_ThrowsTooLarge()
    {
        var xml = "<xml><Content>" + new string('a', 200) + "</Content></xml>";

        var error = Assert.Throws<WeChatProtocolException>(() => WeChatXml.ReadFields(xml, 100));

        Assert.Equal(WeChatProtocolError.TooLarge, error.Error);
    }

    [Fact]
    public void ReadFields_DoctypeTextInsideCdata_IsPlainContent()
    {
        var fields = WeChatXml.ReadFields("<xml><Content><![CDATA[<!DOCTYPE html>]]></Content></xml>", Limit);

        Assert.Equal("<!DOCTYPE html>", fields["Content"]);
    }
}
