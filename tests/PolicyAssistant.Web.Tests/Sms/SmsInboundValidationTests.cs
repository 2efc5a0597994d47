using System.Net;
using System.Text;
using System.Text.Json;

namespace PolicyAssistant.Web.Tests.Sms;

/// <summary>Provider callbacks whose text cannot be decoded are refused with a 400, not failed with a 500.</summary>
public sealed class SmsInboundValidationTests : IClassFixture<SmsInboundValidationTests.Product>
{
    private readonly Product _product;

    public SmsInboundValidationTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        public ProductFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Sms:Inbound:AllowUnprotected"] = "true" });

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xE4, 0xBD })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Inbound_ContentWithInvalidUtf8_IsABadRequestWithAChineseMessage(byte[] invalid)
    {
        using var client = _product.Factory.CreateClient();
        var body = new List<byte>(Encoding.UTF8.GetBytes("""[{"phone_number":"13900001111","send_time":"2026-11-24 10:00:00","content":"住院"""));
        body.AddRange(invalid);
        body.AddRange(Encoding.UTF8.GetBytes("\",\"sequence_id\":880002}]"));
        using var content = new ByteArrayContent([.. body]);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/sms/inbound", content);

        Assert.Equal((HttpStatusCode.BadRequest, "请求体含有无法识别的字符，文本应为 UTF-8 编码"), (response.StatusCode, await ReadMessageAsync(response)));
    }

    [Fact]
    public async Task Inbound_ContentWithALoneEscapedSurrogate_IsABadRequest()
    {
        using var client = _product.Factory.CreateClient();
        const string body = """[{"phone_number":"13900001111","content":"\ud800住院","sequence_id":880003}]""";

        var response = await client.PostAsync("/sms/inbound", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string?> ReadMessageAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("msg").GetString();
}
