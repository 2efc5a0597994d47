using System.Net;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms;

/// <summary>The callbacks over HTTP, in Aliyun's SmsUp and SmsReport shapes.</summary>
public sealed class SmsEndpointsTests
{
    private const string Phone = "13800138000";

    private static string InboundJson(long sequenceId, string content, string phone = Phone) =>
        $$"""{"phone_number":"{{phone}}","send_time":"2026-03-02 09:00:00","content":"{{content}}","sign_name":"鹿寨县卫健局","dest_code":"01","sequence_id":{{sequenceId}}}""";

    [Fact]
    public async Task PostInbound_ArrayOfTexts_AcknowledgesInAliyunsShape()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/sms/inbound", $"[{InboundJson(1, "住院要交押金吗")}]");

        Assert.Equal((HttpStatusCode.OK, "application/json", """{"code":0,"msg":"成功"}"""),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PostInbound_Question_ReplyIsSentToTheSameNumber()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var _ = await host.PostJsonAsync("/sms/inbound", $"[{InboundJson(1, "住院要交押金吗")}]");
        var outbox = await host.WaitForAsync<OutboxGatewayEntry>(rows => rows.Count > 0);

        var reply = Assert.Single(outbox);
        Assert.Equal((Phone, "答：住院要交押金吗", SmsKind.Reply), (reply.PhoneNumber, reply.Text, reply.Kind));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task PostInbound_ProviderRetriesTheSameTexts_StoresEachOnce(DatabaseProvider provider)
    {
        await using var host = await SmsTestHost.StartAsync(provider: provider);
        var body = $"[{InboundJson(1, "问题一")},{InboundJson(2, "问题二")},{InboundJson(1, "问题一")}]";

        using var first = await host.PostJsonAsync("/sms/inbound", body);
        using var retry = await host.PostJsonAsync("/sms/inbound", body);

        Assert.Equal(["1", "2"], (await host.ReadAsync<SmsInboundMessage>()).Select(m => m.SequenceId).Order());
    }

    [Fact]
    public async Task PostInbound_SingleObject_IsStored()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/sms/inbound", InboundJson(7, "慢病怎么办"));

        Assert.Equal((HttpStatusCode.OK, "慢病怎么办"), (response.StatusCode, Assert.Single(await host.ReadAsync<SmsInboundMessage>()).Content));
    }

    [Fact]
    public async Task PostInbound_SequenceIdAsString_IsStored()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var _ = await host.PostJsonAsync("/sms/inbound", """{"phone_number":"13800138000","content":"你好","sequence_id":"abc-1"}""");

        Assert.Equal("abc-1", Assert.Single(await host.ReadAsync<SmsInboundMessage>()).SequenceId);
    }

    [Fact]
    public async Task PostInbound_SendTime_IsStoredAsUtc()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var _ = await host.PostJsonAsync("/sms/inbound", InboundJson(1, "你好"));

        Assert.Equal(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), Assert.Single(await host.ReadAsync<SmsInboundMessage>()).SentAt);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"phone_number\":")]
    [InlineData("42")]
    public async Task PostInbound_NotAJsonArrayOrObject_Returns400AndStoresNothing(string body)
    {
        await using var host = await SmsTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/sms/inbound", body);

        Assert.Equal((HttpStatusCode.BadRequest, 0), (response.StatusCode, (await host.ReadAsync<SmsInboundMessage>()).Count));
    }

    [Fact]
    public async Task PostInbound_ItemWithoutAMobileNumber_IsDroppedAndTheOthersKept()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/sms/inbound", $"[{InboundJson(1, "坏号码", "12345")},{InboundJson(2, "好号码")}]");

        Assert.Equal((HttpStatusCode.OK, "好号码"), (response.StatusCode, Assert.Single(await host.ReadAsync<SmsInboundMessage>()).Content));
    }

    [Fact]
    public async Task PostInbound_BodyOverTheLimit_Returns413()
    {
        await using var host = await SmsTestHost.StartAsync(new Dictionary<string, string?> { ["Sms:Inbound:MaxBodyBytes"] = "1024" });

        using var response = await host.PostJsonAsync("/sms/inbound", $"[{InboundJson(1, new string('长', 2000))}]");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/sms/inbound")]
    [InlineData("/sms/receipts")]
    public async Task PostCallback_NoProtectionConfigured_IsNotServed(string path)
    {
        await using var host = await SmsTestHost.StartAsync(new Dictionary<string, string?> { ["Sms:Inbound:AllowUnprotected"] = "false" });

        using var response = await host.PostJsonAsync(path, InboundJson(1, "你好"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await host.ReadAsync<SmsInboundMessage>());
    }

    [Theory]
    [InlineData("/sms/inbound", HttpStatusCode.NotFound)]
    [InlineData("/sms/inbound/wrong", HttpStatusCode.NotFound)]
    [InlineData("/sms/inbound/s3cret-path", HttpStatusCode.OK)]
    public async Task PostInbound_PathSecretConfigured_OnlyTheSecretPathAnswers(string path, HttpStatusCode expected)
    {
        await using var host = await SmsTestHost.StartAsync(new Dictionary<string, string?> { ["Sms:Inbound:PathSecret"] = "s3cret-path" });

        using var response = await host.PostJsonAsync(path, InboundJson(1, "你好"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/sms/inbound", HttpStatusCode.Forbidden)]
    [InlineData("/sms/inbound?token=nope", HttpStatusCode.Forbidden)]
    [InlineData("/sms/inbound?token=t0ken", HttpStatusCode.OK)]
    public async Task PostInbound_SharedSecretConfigured_OnlyTheRightTokenIsServed(string path, HttpStatusCode expected)
    {
        await using var host = await SmsTestHost.StartAsync(new Dictionary<string, string?> { ["Sms:Inbound:SharedSecret"] = "t0ken" });

        using var response = await host.PostJsonAsync(path, InboundJson(1, "你好"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.0/8", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.0/8", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task PostInbound_AllowedSourcesConfigured_OtherAddressesAreRefused(string allowed, HttpStatusCode expected)
    {
        await using var host = await SmsTestHost.StartAsync(new Dictionary<string, string?> { ["Sms:Inbound:AllowedSources:0"] = allowed });

        using var response = await host.PostJsonAsync("/sms/inbound", InboundJson(1, "你好"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostReceipts_DeliveredAndFailed_UpdateEachMessage()
    {
        await using var host = await SmsTestHost.StartAsync();
        await host.AddAsync(Accepted("reply-8", "1008^0"));
        await host.AddAsync(Accepted("reply-9", "1009^0"));
        const string receipts = """
            [{"phone_number":"13800138000","send_time":"2026-03-02 09:00:00","report_time":"2026-03-02 09:00:05","success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"1008^0","out_id":"reply-8"},
             {"phone_number":"13800138000","send_time":"2026-03-02 09:00:00","report_time":"2026-03-02 09:00:07","success":false,"err_code":"MK:0001","err_msg":"用户关机","sms_size":"1","biz_id":"1009^0","out_id":""}]
            """;

        using var response = await host.PostJsonAsync("/sms/receipts", receipts);

        var messages = (await host.ReadAsync<SmsOutboundMessage>()).OrderBy(m => m.OutId).Select(m => (m.Status, m.ErrorCode, m.DeliveredAt)).ToList();
        Assert.Equal(
            [(SmsOutboundStatus.Delivered, null, new DateTime(2026, 3, 2, 1, 0, 5, DateTimeKind.Utc)), (SmsOutboundStatus.Failed, "MK:0001", null)],
            messages);
    }

    [Fact]
    public async Task PostReceipts_OneBatchsNumbers_SettleEachNumbersMessage()
    {
        await using var host = await SmsTestHost.StartAsync();
        await host.AddAsync(Accepted("campaign-1-1", "2001^0", batchOutId: "batch-1"));
        await host.AddAsync(Accepted("campaign-1-2", "2001^0", batchOutId: "batch-1", phoneNumber: "13900139000"));
        const string receipts = """
            [{"phone_number":"13900139000","report_time":"2026-03-02 09:00:07","success":false,"err_code":"MK:0001","err_msg":"用户关机","biz_id":"2001^0","out_id":"batch-1"},
             {"phone_number":"13800138000","report_time":"2026-03-02 09:00:05","success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","biz_id":"2001^0","out_id":"batch-1"}]
            """;

        using var response = await host.PostJsonAsync("/sms/receipts", receipts);

        var messages = (await host.ReadAsync<SmsOutboundMessage>()).OrderBy(m => m.OutId).Select(m => (m.Status, m.ErrorCode)).ToList();
        Assert.Equal([(SmsOutboundStatus.Delivered, null), (SmsOutboundStatus.Failed, "MK:0001")], messages);
    }

    [Fact]
    public async Task PostReceipts_UnknownMessage_IsAcknowledgedAndChangesNothing()
    {
        await using var host = await SmsTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/sms/receipts", """[{"success":true,"biz_id":"nope","out_id":"nope"}]""");

        Assert.Equal("""{"code":0,"msg":"成功"}""", await response.Content.ReadAsStringAsync());
    }

    private static SmsOutboundMessage Accepted(string outId, string bizId, string? batchOutId = null, string phoneNumber = Phone) => new()
    {
        OutId = outId,
        BatchOutId = batchOutId,
        PhoneNumber = phoneNumber,
        Kind = SmsKind.Reply,
        Text = "答",
        SignName = "鹿寨县卫健局",
        Status = SmsOutboundStatus.Accepted,
        ProviderMessageId = bizId,
        CreatedAt = DateTime.UtcNow,
        NextAttemptAt = DateTime.UtcNow,
        AcceptedAt = DateTime.UtcNow,
        Attempts = 1,
    };
}
