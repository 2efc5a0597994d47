using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Hosting;

namespace PolicyAssistant.Web.Tests.Hosting;

public sealed partial class WebSecurityTests : IClassFixture<WebSecurityTests.Product>
{
    private readonly Product _product;

    public WebSecurityTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        public ProductFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Chat")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    [InlineData("/js/chat.js")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = _product.Factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(
            (WebSecuritySetup.ContentSecurityPolicy, "nosniff", "DENY", "strict-origin-when-cross-origin"),
            (Header(response, "Content-Security-Policy"), Header(response, "X-Content-Type-Options"), Header(response, "X-Frame-Options"), Header(response, "Referrer-Policy")));
    }

    [Fact]
    public async Task HttpsRequest_GetsStrictTransportSecurity()
    {
        using var client = _product.Factory.CreateClient(new() { BaseAddress = new Uri("https://policy.example.gov.cn") });

        var response = await client.GetAsync("/");

        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ServerErrorDuringPostWithoutFormToken_ShowsTheErrorPage()
    {
        using var product = new ProductFactory(settings: new Dictionary<string, string?> { ["Sms:Inbound:AllowUnprotected"] = "true" });
        using var client = product.CreateClient();
        using (var scope = product.Services.CreateScope())
        {
            // Storing the text now fails as any bug behind a webhook (which posts no form token) would.
            await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"SmsInboundMessages\"");
        }

        var response = await client.PostAsync("/sms/inbound", new StringContent(
            """[{"phone_number":"13900001111","content":"住院要交押金吗","sequence_id":990001}]""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.InternalServerError, true), (response.StatusCode, (await response.Content.ReadAsStringAsync()).Contains("系统处理您的请求时出了问题")));
    }

    [Fact]
    public void NginxConfig_SendsTheAppsContentSecurityPolicy()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "nginx.conf"));

        Assert.Contains($"add_header Content-Security-Policy \"{WebSecuritySetup.ContentSecurityPolicy}\" always;", config);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrHandlers()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "PolicyAssistant.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);
        var offending = new List<string>();
        foreach (var page in pages)
        {
            var text = await File.ReadAllTextAsync(page);
            if (InlineScript().IsMatch(text))
            {
                offending.Add(Path.GetFileName(page));
            }
        }

        Assert.Empty(offending);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    // <script> without src, an on* attribute, or a style attribute: each needs 'unsafe-inline'.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=\s*""|\sstyle\s*=\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
