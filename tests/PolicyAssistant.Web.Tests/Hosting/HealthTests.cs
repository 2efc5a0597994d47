using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Web.Tests.Hosting;

public sealed class HealthTests : IClassFixture<HealthTests.Product>
{
    private readonly Product _product;

    public HealthTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        public ProductFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task Healthz_Running_IsHealthy()
    {
        using var client = _product.Factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Readyz_Started_ReportsDatabaseMigrationsAndIndexHealthy()
    {
        using var client = _product.Factory.CreateClient();

        var (status, checks) = await ReadinessAsync(client);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, checks["database"]));
        Assert.Equal(("Healthy", "Healthy"), (checks["migrations"], checks["search-index"]));
    }

    [Fact]
    public async Task Readyz_MigrationNotApplied_IsUnavailable()
    {
        using var product = new ProductFactory();
        using var client = product.CreateClient();
        using (var scope = product.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }

        var (status, checks) = await ReadinessAsync(client);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (status, checks["migrations"]));
    }

    [Fact]
    public async Task Readyz_SearchIndexEmpty_IsUnavailable()
    {
        using var product = new ProductFactory();
        using var client = product.CreateClient();
        product.Services.GetRequiredService<KnowledgeIndex>().Rebuild([]);

        var (status, checks) = await ReadinessAsync(client);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (status, checks["search-index"]));
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadinessAsync(HttpClient client)
    {
        var response = await client.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
