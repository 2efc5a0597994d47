using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Api;

/// <summary>Several product instances (separate containers, one database) sharing one access token.</summary>
public sealed class WeChatAccessTokenLeaseTests
{
    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task GetTokenAsync_ThreeInstancesAtOnce_FetchOneToken(DatabaseProvider provider)
    {
        await using var api = await FakeWeChatApi.StartAsync();
        api.TokenDelay = TimeSpan.FromMilliseconds(300);
        using var database = TestDatabase.Create(provider);
        database.EnsureCreated();

        var instances = Enumerable.Range(0, 3).Select(_ => WeChatApiServices.Build(api, database)).ToList();
        try
        {
            var tokens = await Task.WhenAll(instances
                .SelectMany(instance => Enumerable.Range(0, 4).Select(_ => instance.GetRequiredService<WeChatAccessTokenProvider>()))
                .Select(provider => Task.Run(() => provider.GetTokenAsync(CancellationToken.None))));

            Assert.Equal((1, 1), (api.TokenCalls, tokens.Distinct().Count()));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task GetTokenAsync_LeaseLeftByADeadInstance_IsTakenOver(DatabaseProvider provider)
    {
        await using var api = await FakeWeChatApi.StartAsync();
        using var database = TestDatabase.Create(provider);
        using (var db = database.CreateContext())
        {
            db.Add(new WeChatAccessToken { AppId = FakeWeChatApi.AppId, LeaseHolder = "crashed", LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(-1) });
            db.SaveChanges();
        }

        await using var instance = WeChatApiServices.Build(api, database);
        var token = await instance.GetRequiredService<WeChatAccessTokenProvider>().GetTokenAsync(CancellationToken.None);

        using var check = database.CreateContext();
        var row = check.Set<WeChatAccessToken>().Single();
        Assert.Equal((token, null), (row.Token, row.LeaseHolder));
    }
}
