using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Web.Chat;
using PolicyAssistant.Web.Hosting;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>
/// The limits, set low and with windows far longer than a test run, so that a count never replenishes mid-test.
/// Each test comes from its own client address (nginx's X-Forwarded-For, from loopback as nginx would).
/// </summary>
public sealed class RateLimitTests : IClassFixture<RateLimitTests.Product>
{
    private readonly Product _product;

    public RateLimitTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        private readonly ProductFactory _factory = new(settings: new Dictionary<string, string?>
        {
            ["RateLimits:ChatPerUser:PermitLimit"] = "2",
            ["RateLimits:ChatPerUser:Window"] = "01:00:00",
            ["RateLimits:ChatPerAddress:PermitLimit"] = "4",
            ["RateLimits:ChatPerAddress:Window"] = "01:00:00",
            ["RateLimits:LoginPerAddress:PermitLimit"] = "3",
            ["RateLimits:LoginPerAddress:Window"] = "01:00:00",
            ["RateLimits:LoginPerAccount:PermitLimit"] = "2",
            ["RateLimits:LoginPerAccount:Window"] = "01:00:00",
            ["RateLimits:WebhookPerAddress:PermitLimit"] = "3",
            ["RateLimits:WebhookPerAddress:Window"] = "01:00:00",
        });

        public Product() => Factory = _factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromLoopback>()));

        public WebApplicationFactory<Program> Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _factory.Dispose();
        }
    }

    // The test server has no connection address; nginx on the same host connects from loopback.
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Chat_OneUserOverItsLimit_Gets429WithAChineseTitle()
    {
        using var client = ClientFrom("10.0.1.1");
        await AskAsync(client, "limited-user");
        await AskAsync(client, "limited-user");

        var response = await AskAsync(client, "limited-user");

        Assert.Equal((HttpStatusCode.TooManyRequests, RateLimitSetup.TooManyMessages), (response.StatusCode, await TitleAsync(response)));
    }

    [Fact]
    public async Task Chat_OneAddressOverItsLimit_Gets429WithAChineseTitle()
    {
        using var client = ClientFrom("10.0.2.1");
        for (var user = 0; user < 4; user++)
        {
            await AskAsync(client, $"address-user-{user}");
        }

        var response = await AskAsync(client, "address-user-last");

        Assert.Equal((HttpStatusCode.TooManyRequests, RateLimitSetup.TooManyMessages), (response.StatusCode, await TitleAsync(response)));
    }

    [Fact]
    public async Task Chat_UnderTheLimits_IsAnswered()
    {
        using var client = ClientFrom("10.0.3.1");

        var response = await AskAsync(client, "first-time-user");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_ManyNamesFromOneAddress_Gets429WithAChineseMessage()
    {
        using var client = ClientFrom("10.0.4.1");
        var form = await StaffForm.OpenAsync(client, "/Account/Login");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await form.PostAsync(new() { ["Input.UserName"] = $"guess-{attempt}", ["Input.Password"] = "wrong" });
        }

        var response = await form.PostAsync(new() { ["Input.UserName"] = "guess-last", ["Input.Password"] = "wrong" });

        Assert.Equal((HttpStatusCode.TooManyRequests, RateLimitSetup.TooManyLogins), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Login_OneNameFromManyAddresses_Gets429WithTheMessageOnThePage()
    {
        for (var address = 1; address <= 2; address++)
        {
            using var attempt = ClientFrom($"10.0.5.{address}");
            await (await StaffForm.OpenAsync(attempt, "/Account/Login")).PostAsync(new() { ["Input.UserName"] = "targeted", ["Input.Password"] = "wrong" });
        }

        using var client = ClientFrom("10.0.5.3");
        var response = await (await StaffForm.OpenAsync(client, "/Account/Login")).PostAsync(new() { ["Input.UserName"] = "Targeted", ["Input.Password"] = "wrong" });

        Assert.Equal((HttpStatusCode.TooManyRequests, true), (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Contains(RateLimitSetup.TooManyLogins)));
    }

    [Theory]
    [InlineData("/wechat")]
    [InlineData("/sms/inbound")]
    public async Task Webhook_OneSourceOverItsLimit_Gets429(string path)
    {
        using var client = ClientFrom(path == "/wechat" ? "10.0.6.1" : "10.0.6.2");
        for (var post = 0; post < 3; post++)
        {
            await client.PostAsync(path + "?signature=forged", new StringContent("<xml></xml>"));
        }

        var response = await client.PostAsync(path + "?signature=forged", new StringContent("<xml></xml>"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    private HttpClient ClientFrom(string address)
    {
        var client = _product.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string userId) =>
        client.PostAsJsonAsync("/api/chat", new ChatRequest(userId, "住院要交押金吗"));

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
}
