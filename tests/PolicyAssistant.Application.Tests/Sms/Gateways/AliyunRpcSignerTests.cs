using System.Text.Json;
using PolicyAssistant.Application.Sms.Gateways;

namespace PolicyAssistant.Application.Tests.Sms.Gateways;

public sealed class AliyunRpcSignerTests
{
    // The worked example of Aliyun's RPC signature documentation (ECS DescribeRegions).
    private static readonly Dictionary<string, string> DescribeRegions = new()
    {
        ["Timestamp"] = "2016-02-23T12:46:24Z",
        ["Format"] = "XML",
        ["AccessKeyId"] = "testid",
        ["Action"] = "DescribeRegions",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        ["Version"] = "2014-05-26",
        ["SignatureVersion"] = "1.0",
    };

    // The worked example of Aliyun SMS's own signature page (SendSms with a Chinese sign name).
    private static readonly Dictionary<string, string> SendSms = new()
    {
        ["AccessKeyId"] = "testId",
        ["Action"] = "SendSms",
        ["Format"] = "XML",
        ["OutId"] = "123",
        ["PhoneNumbers"] = "15300000001",
        ["RegionId"] = "cn-hangzhou",
        ["SignName"] = "阿里云短信测试专用",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        ["SignatureVersion"] = "1.0",
        ["TemplateCode"] = "SMS_71390007",
        ["TemplateParam"] = """{"customer":"test"}""",
        ["Timestamp"] = "2017-07-12T02:42:19Z",
        ["Version"] = "2017-05-25",
    };

    [Fact]
    public void StringToSign_DocumentedDescribeRegionsExample_MatchesDocumentation()
    {
        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            AliyunRpcSigner.StringToSign("GET", DescribeRegions));
    }

    [Fact]
    public void Sign_DocumentedDescribeRegionsExample_MatchesDocumentation()
    {
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", new AliyunRpcSigner("testsecret").Sign("GET", DescribeRegions));
    }

    [Fact]
    public void Sign_DocumentedSendSmsExample_MatchesDocumentation()
    {
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", new AliyunRpcSigner("testSecret").Sign("GET", SendSms));
    }

    [Fact]
    public void CanonicalizedQuery_SignatureParameterPresent_LeavesItOut()
    {
        var parameters = new Dictionary<string, string>(DescribeRegions) { ["Signature"] = "x" };

        Assert.Equal(AliyunRpcSigner.CanonicalizedQuery(DescribeRegions), AliyunRpcSigner.CanonicalizedQuery(parameters));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b", "a~b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("-_.", "-_.")]
    [InlineData("/", "%2F")]
    [InlineData("!'()", "%21%27%28%29")]
    [InlineData("鹿寨", "%E9%B9%BF%E5%AF%A8")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void PercentEncode_Character_FollowsRfc3986(string value, string expected)
    {
        Assert.Equal(expected, AliyunRpcSigner.PercentEncode(value));
    }

    [Fact]
    public void Sign_AwkwardParameters_AgreesWithPython()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "SendSms",
            ["SignName"] = "鹿寨县卫健局",
            ["TemplateParam"] = JsonSerializer.Serialize(new { content = "住院先诊疗后付费！报销 90%*（县域内）~ a+b=c/d 'x' 😀" }),
            ["Timestamp"] = "2026-03-02T01:00:00Z",
            ["a"] = "lower-case names sort after upper-case ones",
            ["OutId"] = "reply-42",
        };
        const string secret = "s3cr3t/+=&%";
        const string script = """
            import sys, json, hmac, hashlib, base64, urllib.parse
            data = json.loads(sys.stdin.read())
            enc = lambda s: urllib.parse.quote(s, safe='~')
            query = '&'.join(enc(k) + '=' + enc(v) for k, v in sorted(data['params'].items()))
            sts = 'POST&' + enc('/') + '&' + enc(query)
            print(base64.b64encode(hmac.new((data['secret'] + '&').encode(), sts.encode(), hashlib.sha1).digest()).decode())
            """;

        var expected = Python.Run(script, JsonSerializer.Serialize(new { secret, @params = parameters }));

        Assert.Equal(expected, new AliyunRpcSigner(secret).Sign("POST", parameters));
    }
}
