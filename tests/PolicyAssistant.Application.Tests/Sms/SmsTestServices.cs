using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.Tests.Sms.Gateways;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms;

/// <summary>
/// The SMS channel wired as the host wires it (AddSms over a real database), without starting the
/// workers: a test runs their batches itself, one step at a time, on a <see cref="TestClock"/>.
/// </summary>
public sealed class SmsTestServices : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private SmsTestServices(TestDatabase database, ServiceProvider services, TestClock clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    /// <summary>2026-03-02 09:00 China time, where every SMS test starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public TestClock Clock { get; }

    public TestBot Bot => (TestBot)_services.GetRequiredService<IBot>();

    public static SmsTestServices Create(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var database = TestDatabase.Create(provider);
        using (database.CreateContext())
        {
        }

        var services = new ServiceCollection();
        var clock = new TestClock(Start);
        var configuration = BuildConfiguration(settings);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDbContextFactory<PolicyAssistantDbContext>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
        services.AddSingleton<IBot, TestBot>();
        services.AddSingleton<TurnProcessor>();
        services.AddSms(configuration);
        return new SmsTestServices(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), clock);
    }

    /// <summary>The channel wired to a fresh <see cref="FakeAliyunSms"/>; <paramref name="settings"/> override the fake's.</summary>
    public static async Task<(SmsTestServices Sms, FakeAliyunSms Aliyun)> StartWithAliyunAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var aliyun = await FakeAliyunSms.StartAsync();
        var all = aliyun.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return (Create(provider, all), aliyun);
    }

    /// <summary>Test defaults: fast retries and a short settle delay, so a few clock steps cover every path.</summary>
    public static IConfiguration BuildConfiguration(IDictionary<string, string?>? settings)
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
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<SmsEnqueueResult> EnqueueAsync(Func<SmsSender, Task<SmsEnqueueResult>> enqueue) =>
        InScopeAsync(s => enqueue(s.GetRequiredService<SmsSender>()));

    public Task<int> DispatchAsync(CancellationToken cancellationToken = default) =>
        InScopeAsync(s => s.GetRequiredService<SmsSender>().DispatchDueAsync(cancellationToken));

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

    public Task<int> ReceiveAsync(params SmsUplink[] uplinks) => InScopeAsync(s => s.GetRequiredService<SmsUplinkStore>().StoreAsync(uplinks, CancellationToken.None));

    /// <summary>Stores a text from <paramref name="phoneNumber"/>, answers it and sends the reply.</summary>
    public async Task TextAsync(string phoneNumber, string content)
    {
        await ReceiveAsync(new SmsUplink(Guid.NewGuid().ToString("N"), phoneNumber, content, Now, "鹿寨县卫健局", "01"));
        await ProcessInboundAsync();
        await DispatchAsync();
    }

    public Task<List<T>> ReadAsync<T>(Func<IQueryable<T>, IQueryable<T>>? query = null) where T : class =>
        InScopeAsync(s =>
        {
            var set = s.GetRequiredService<PolicyAssistantDbContext>().Set<T>().AsNoTracking();
            return (query is null ? set : query(set)).ToListAsync();
        });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }
}
