using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms.Gateways;

namespace PolicyAssistant.Web.Tests.Sms;

/// <summary>The whole product behind POST /sms/inbound: a texted question is answered by text, through the outbox.</summary>
public sealed class SmsProductTests
{
    [Fact]
    public async Task TextedQuestion_FromAnOldPhone_IsAnsweredByTextWithinThreeSegments()
    {
        using var product = new ProductFactory(settings: new Dictionary<string, string?> { ["Sms:Inbound:SharedSecret"] = "gateway-token" });
        using var client = product.CreateClient();
        const string body = """
            [{"phone_number":"13900001111","send_time":"2026-11-24 10:00:00","content":"住院要交押金吗","sign_name":"鹿寨县卫健局","dest_code":"8801","sequence_id":880001}]
            """;

        var ack = await client.PostAsync("/sms/inbound?token=gateway-token", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("""{"code":0,"msg":"成功"}""", await ack.Content.ReadAsStringAsync());
        var reply = await WaitForOutboxAsync(product, "13900001111");
        Assert.Contains("押金", reply.Text);
        Assert.InRange(reply.SegmentCount, 1, 3);
    }

    private static async Task<OutboxGatewayEntry> WaitForOutboxAsync(ProductFactory product, string phone)
    {
        // The answer is produced by the background workers, after the callback was acknowledged.
        for (var attempt = 0; attempt < 150; attempt++)
        {
            using var scope = product.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            if (await db.Set<OutboxGatewayEntry>().AsNoTracking().FirstOrDefaultAsync(m => m.PhoneNumber == phone) is { } message)
            {
                return message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No text reached the outbox for {phone} within 30 s.");
    }
}
