using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>X-Forwarded-Proto (and so HSTS) is believed from loopback and the configured proxy network only.</summary>
public sealed class ForwardedHeadersTests : IClassFixture<ForwardedHeadersTests.Product>
{
    // The test server has no connections; this test-only header says which address the request comes from.
    private const string ConnectionAddress = "X-Test-Connection-Address";

    private readonly Product _product;

    public ForwardedHeadersTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        private readonly ProductFactory _factory = new(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16" });

        public Product() => Factory = _factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter, ConnectionFrom>()));

        public WebApplicationFactory<Program> Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _factory.Dispose();
        }
    }

    private sealed class ConnectionFrom : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[ConnectionAddress].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("203.0.113.5", false)]
    public async Task ForwardedHttps_FromProxyOrNot_GetsHstsOnlyFromATrustedProxy(string connection, bool trusted)
    {
        using var client = _product.Factory.CreateClient(new() { BaseAddress = new Uri("http://policy.example.gov.cn") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(ConnectionAddress, connection);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(trusted, response.Headers.Contains("Strict-Transport-Security"));
    }
}
