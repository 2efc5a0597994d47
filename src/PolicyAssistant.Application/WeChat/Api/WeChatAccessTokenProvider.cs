using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PolicyAssistant.Application.WeChat.Api;

/// <summary>
/// Hands out the account's access token. It is cached in memory until five minutes before expiry and shared
/// through the database: WeChat counts token fetches per account, so of all instances only the one holding
/// the row's lease (an atomic conditional UPDATE) calls /cgi-bin/stable_token, and the others read its result.
/// </summary>
public sealed class WeChatAccessTokenProvider(
    IHttpClientFactory httpClientFactory,
    IDbContextFactory<PolicyAssistantDbContext> databases,
    IOptions<WeChatOptions> options,
    TimeProvider clock,
    ILogger<WeChatAccessTokenProvider> logger)
{
    public const string HttpClientName = "WeChat";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>WeChat allows a forced refresh only every 30 seconds (and 20 a day): a token refused again that soon is not refreshed again.</summary>
    private static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile CachedToken? _cached;

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => GetAsync(rejected: null, cancellationToken);

    /// <summary>
    /// WeChat refused <paramref name="rejected"/> (40001, 42001): returns a newer token, another instance's if it
    /// already refreshed, else a forced refresh; null when a forced refresh happened too recently to try again.
    /// </summary>
    public async Task<string?> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        var token = await GetAsync(rejected, cancellationToken);
        return token == rejected ? null : token;
    }

    private async Task<string> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (IsUsable(_cached?.Token, _cached?.ExpiresAt, rejected)) return _cached!.Token;

        // One caller per instance goes to the database; the rest find its token in memory.
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (IsUsable(_cached?.Token, _cached?.ExpiresAt, rejected)) return _cached!.Token;
            var giveUpAt = clock.GetUtcNow() + LeaseWait;
            while (true)
            {
                if (await TryReadOrRefreshAsync(rejected, cancellationToken) is { } token) return token;
                if (clock.GetUtcNow() > giveUpAt)
                    throw new TimeoutException("Another instance held the WeChat access token lease too long.");
                await Task.Delay(PollInterval, clock, cancellationToken);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The shared token if usable, else a fresh one if this instance won the lease, else null (wait and look again).</summary>
    private async Task<string?> TryReadOrRefreshAsync(string? rejected, CancellationToken cancellationToken)
    {
        var appId = options.Value.AppId;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var tokens = db.Set<WeChatAccessToken>();
        var row = await tokens.AsNoTracking().FirstOrDefaultAsync(t => t.AppId == appId, cancellationToken);
        if (row is null)
        {
            tokens.Add(new WeChatAccessToken { AppId = appId });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                // Another instance created the row first: fine, it is there now.
            }

            return null;
        }

        if (IsUsable(row.Token, row.ExpiresAt, rejected)) return Remember(row.Token!, row.ExpiresAt);

        // The lease is taken only if the token is still the one just read: an instance that finished a refresh
        // in between has released its lease, and its token must not be fetched a second time.
        var now = clock.GetUtcNow();
        var seen = row.Token;
        var leased = await tokens
            .Where(t => t.AppId == appId && t.Token == seen && (t.LeaseUntil == null || t.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LeaseHolder, _instance).SetProperty(t => t.LeaseUntil, now + LeaseDuration), cancellationToken);
        if (leased == 0) return null;

        var force = rejected is not null && row.Token == rejected;
        if (force && row.ForcedRefreshAt is { } last && now - last < ForcedRefreshInterval)
        {
            await ReleaseLeaseAsync(tokens, appId, cancellationToken);
            return rejected;
        }

        try
        {
            var (token, expiresIn) = await FetchStableTokenAsync(force, cancellationToken);
            var expiresAt = clock.GetUtcNow() + TimeSpan.FromSeconds(expiresIn);
            var forcedAt = force ? now : row.ForcedRefreshAt;
            await tokens
                .Where(t => t.AppId == appId && t.LeaseHolder == _instance)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.Token, token)
                    .SetProperty(t => t.ExpiresAt, expiresAt)
                    .SetProperty(t => t.ForcedRefreshAt, forcedAt)
                    .SetProperty(t => t.LeaseHolder, (string?)null)
                    .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            logger.LogInformation("Fetched a WeChat access token (forced: {Forced}), valid for {ExpiresIn} s.", force, expiresIn);
            return Remember(token, expiresAt);
        }
        catch
        {
            await ReleaseLeaseAsync(tokens, appId, CancellationToken.None);
            throw;
        }
    }

    private Task ReleaseLeaseAsync(DbSet<WeChatAccessToken> tokens, string appId, CancellationToken cancellationToken) =>
        tokens.Where(t => t.AppId == appId && t.LeaseHolder == _instance)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LeaseHolder, (string?)null).SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null), cancellationToken);

    private async Task<(string Token, int ExpiresIn)> FetchStableTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync("cgi-bin/stable_token", new
        {
            grant_type = "client_credential",
            appid = settings.AppId,
            secret = settings.AppSecret,
            force_refresh = forceRefresh,
        }, WeChatApiClient.Json, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        WeChatApiClient.ThrowOnError(json.RootElement);
        var root = json.RootElement;
        if (!root.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
            throw new WeChatApiException(-1, "stable_token answered without an access_token.");
        var expiresIn = root.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var parsed) ? parsed : 7200;
        return (value, expiresIn);
    }

    private string Remember(string token, DateTimeOffset expiresAt)
    {
        _cached = new CachedToken(token, expiresAt);
        return token;
    }

    private bool IsUsable(string? token, DateTimeOffset? expiresAt, string? rejected) =>
        token is { Length: > 0 } && token != rejected && expiresAt - RefreshMargin > clock.GetUtcNow();
}
