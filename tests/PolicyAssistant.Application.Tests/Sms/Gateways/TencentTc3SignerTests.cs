using System.Text.Json;
using PolicyAssistant.Application.Sms.Gateways;

namespace PolicyAssistant.Application.Tests.Sms.Gateways;

public sealed class TencentTc3SignerTests
{
    private const string Body = """{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppId":"1400000000","SignName":"鹿寨县卫健局","TemplateId":"1234567","TemplateParamSet":["住院先诊疗后付费"],"SessionContext":"reply-7"}""";

    [Fact]
    public void CanonicalRequest_JsonPost_HasTheDocumentedLayout()
    {
        var canonical = TencentTc3Signer.CanonicalRequest("sms.tencentcloudapi.com", "{}");

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:sms.tencentcloudapi.com\n\ncontent-type;host\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            canonical);
    }

    [Fact]
    public void Authorize_SendSmsBody_AgreesWithPython()
    {
        const long timestamp = 1772413200;
        const string script = """
            import sys, json, hmac, hashlib, datetime
            d = json.loads(sys.stdin.read())
            sha = lambda s: hashlib.sha256(s.encode()).hexdigest()
            mac = lambda k, m: hmac.new(k, m.encode(), hashlib.sha256).digest()
            date = datetime.datetime.fromtimestamp(d['ts'], datetime.timezone.utc).strftime('%Y-%m-%d')
            canonical = 'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:' + d['host'] + '\n\ncontent-type;host\n' + sha(d['body'])
            scope = date + '/sms/tc3_request'
            sts = 'TC3-HMAC-SHA256\n' + str(d['ts']) + '\n' + scope + '\n' + sha(canonical)
            key = mac(mac(mac(('TC3' + d['key']).encode(), date), 'sms'), 'tc3_request')
            sig = hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()
            print('TC3-HMAC-SHA256 Credential=' + d['id'] + '/' + scope + ', SignedHeaders=content-type;host, Signature=' + sig)
            """;

        var expected = Python.Run(script, JsonSerializer.Serialize(new { ts = timestamp, host = "sms.tencentcloudapi.com", body = Body, id = "AKIDtest", key = "secretKey" }));

        Assert.Equal(expected, new TencentTc3Signer("AKIDtest", "secretKey", "sms").Authorize("sms.tencentcloudapi.com", Body, timestamp));
    }
}
