using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.Tests.Sms.Gateways;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms;

/// <summary>
/// The one arrangement of the SMS tests: the channel wired as the host wires it (AddSms over a real database,
/// <see cref="TestBot"/> as the bot, test defaults for retries and delays). <see cref="Create"/> leaves the host
/// stopped, so a test runs the workers' batches itself, one step at a time, on a <see cref="TestClock"/>;
/// <see cref="StartAsync"/> starts it on 127.0.0.1 with MapSms and its workers running, so callbacks are posted
/// to it as Aliyun would.
/// </summary>
public sealed class SmsTestHost : IAsyncDisposable
{
    /// <summary>2026-03-02 09:00 China time, where every stepped SMS test starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly TestDatabase _database;
    private readonly HttpClient? _client;
    private IAsyncDisposable? _provider;

    private SmsTestHost(WebApplication app, TestDatabase database, TestClock? clock, Uri? baseAddress)
    {
        _app = app;
        _database = database;
        _clock = clock;
        _client = baseAddress is null ? null : new HttpClient { BaseAddress = baseAddress };
    }

    private readonly TestClock? _clock;

    /// <summary>The clock a stepped host runs on; a started host runs on the system clock.</summary>
    public TestClock Clock => _clock ?? throw new InvalidOperationException("A started host runs on the system clock.");

    public HttpClient Client => _client ?? throw new InvalidOperationException("A stepped host does not listen: use StartAsync.");

    public TestBot Bot => (TestBot)_app.Services.GetRequiredService<IBot>();

    /// <summary>The channel, stopped, on a <see cref="TestClock"/> at <see cref="Start"/>: the test runs each batch.</summary>
    public static SmsTestHost Create(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var clock = new TestClock(Start);
        var (app, database) = Build(provider, settings, clock);
        return new SmsTestHost(app, database, clock, baseAddress: null);
    }

    /// <summary>The channel started on 127.0.0.1 with MapSms, its workers polling every 200 ms, unprotected callbacks allowed.</summary>
    public static async Task<SmsTestHost> StartAsync(IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var all = new Dictionary<string, string?> { ["Sms:Inbound:PollInterval"] = "00:00:00.200", ["Sms:Dispatch:PollInterval"] = "00:00:00.200", ["Sms:Inbound:AllowUnprotected"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var (app, database) = Build(provider, all, clock: null);
        app.MapSms();
        await app.StartAsync();
        return new SmsTestHost(app, database, clock: null, LocalServer.AddressOf(app));
    }

    /// <summary>The stepped channel wired to a fresh <see cref="FakeAliyunSms"/>, stopped with the host; <paramref name="settings"/> override the fake's.</summary>
    public static async Task<(SmsTestHost Sms, FakeAliyunSms Aliyun)> StartWithAliyunAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var aliyun = await FakeAliyunSms.StartAsync();
        var all = aliyun.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var sms = Create(provider, all);
        sms._provider = aliyun;
        return (sms, aliyun);
    }

    /// <summary>The stepped channel wired to a fresh <see cref="FakeTencent"/>, stopped with the host.</summary>
    public static async Task<(SmsTestHost Sms, FakeTencent Tencent)> StartWithTencentAsync()
    {
        var tencent = await FakeTencent.StartAsync();
        var sms = Create(DatabaseProvider.Sqlite, tencent.Settings);
        sms._provider = tencent;
        return (sms, tencent);
    }

    private static (WebApplication App, TestDatabase Database) Build(DatabaseProvider provider, IDictionary<string, string?>? settings, TestClock? clock)
    {
        var database = TestDatabase.Create(provider);
        database.EnsureCreated();

        var builder = LocalServer.CreateBuilder();
        builder.Host.UseDefaultServiceProvider(options => (options.ValidateScopes, options.ValidateOnBuild) = (true, true));
        builder.Configuration.AddConfiguration(BuildConfiguration(settings));
        builder.Services.AddSingleton<TimeProvider>(clock ?? TimeProvider.System);

        builder.Services.AddDbContextFactory<PolicyAssistantDbContext>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
        builder.Services.AddSingleton<IBot, TestBot>();
        builder.Services.AddSingleton<TurnProcessor>();
        builder.AddSms();
        return (builder.Build(), database);
    }

    /// <summary>Test defaults: fast retries and a short settle delay, so a few clock steps cover every path.</summary>
    private static IConfiguration BuildConfiguration(IDictionary<string, string?>? settings)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Sms:SignName"] = "鹿寨县卫健局",
            ["Sms:Templates:Reply"] = "SMS_REPLY",
            ["Sms:Templates:Campaign"] = "SMS_CAMPAIGN",
            ["Sms:Templates:VerificationCode"] = "SMS_CODE",
            ["Sms:Dispatch:FirstRetryDelay"] = "00:00:10",
            ["Sms:Dispatch:MaxRetryDelay"] = "00:01:00",
            ["Sms:Dispatch:StatusSettleDelay"] = "00:02:00",
            ["Sms:Dispatch:RequestTimeout"] = "00:00:03",
            ["Sms:Dispatch:SendingLease"] = "00:05:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(defaults).Build();
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs <paramref name="action"/> with the services of a fresh scope, as one worker batch or request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<SmsEnqueueResult> EnqueueAsync(Func<SmsQueue, Task<SmsEnqueueResult>> enqueue) =>
        InScopeAsync(s => enqueue(s.GetRequiredService<SmsQueue>()));

    public Task<int> DispatchAsync(CancellationToken cancellationToken = default) =>
        InScopeAsync(s => s.GetRequiredService<SmsDispatcher>().DispatchDueAsync(cancellationToken));

    /// <summary>Runs dispatch rounds, as the worker does, until one finds nothing to do.</summary>
    public async Task DispatchUntilIdleAsync()
    {
        for (var round = 0; round < 50 && await DispatchAsync() > 0; round++)
        {
        }
    }

    /// <summary>The phone number of test household <paramref name="household"/>: 13800000001, 13800000002, …</summary>
    public static string PhoneOf(int household) => $"138{household:D8}";

    /// <summary>Queues one campaign text for each of households 1 to <paramref name="households"/>, with OutIds {campaignId}-1, -2, ….</summary>
    public async Task EnqueueCampaignAsync(int households, string campaignId = "campaign-1", string text = "本月是健康扶贫政策宣传月，住院先诊疗后付费。")
    {
        for (var household = 1; household <= households; household++)
        {
            var phoneNumber = PhoneOf(household);
            var outId = $"{campaignId}-{household}";
            await EnqueueAsync(s => s.EnqueueCampaignAsync(phoneNumber, text, outId, CancellationToken.None));
        }
    }

    /// <summary>Changes rows directly, as a crash or another instance would have left them.</summary>
    public Task UpdateAsync<T>(Action<T> change) where T : class =>
        InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PolicyAssistantDbContext>();
            foreach (var row in await db.Set<T>().ToListAsync())
            {
                change(row);
            }

            return await db.SaveChangesAsync();
        });

    public Task<int> ProcessInboundAsync() => InScopeAsync(s => s.GetRequiredService<SmsInboundProcessor>().ProcessPendingAsync(CancellationToken.None));

    public Task<int> ReceiveAsync(params SmsInboundText[] inboundTexts) => InScopeAsync(s => s.GetRequiredService<SmsInboundStore>().StoreAsync(inboundTexts, CancellationToken.None));

    /// <summary>Stores a text from <paramref name="phoneNumber"/>, answers it and sends the reply.</summary>
    public async Task TextAsync(string phoneNumber, string content)
    {
        await ReceiveAsync(new SmsInboundText(Guid.NewGuid().ToString("N"), phoneNumber, content, Now, "鹿寨县卫健局", "01"));
        await ProcessInboundAsync();
        await DispatchAsync();
    }

    public Task<List<T>> ReadAsync<T>(Func<IQueryable<T>, IQueryable<T>>? query = null) where T : class =>
        InScopeAsync(s =>
        {
            var set = s.GetRequiredService<PolicyAssistantDbContext>().Set<T>().AsNoTracking();
            return (query is null ? set : query(set)).ToListAsync();
        });

    public Task AddAsync<T>(T row) where T : class =>
        InScopeAsync(s =>
        {
            var db = s.GetRequiredService<PolicyAssistantDbContext>();
            db.Add(row);
            return db.SaveChangesAsync();
        });

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Waits for the running workers to produce rows that satisfy <paramref name="condition"/>; gives up after 20 s.</summary>
    public async Task<List<T>> WaitForAsync<T>(Func<List<T>, bool> condition) where T : class
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var rows = await ReadAsync<T>();
            if (condition(rows) || limit.IsCancellationRequested)
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_client is not null)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
        _database.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
