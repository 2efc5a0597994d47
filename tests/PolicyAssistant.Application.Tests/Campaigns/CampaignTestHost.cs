using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Tests.Sms;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>
/// The one arrangement of the campaign tests: AddSms (embedded outbox), AddWeChat against a <see cref="FakeWeChatApi"/>
/// and AddCampaigns over a real database, on a <see cref="TestClock"/>, the workers not running: a test drives the sender.
/// The WeChat webhook listens on 127.0.0.1 (<see cref="Http"/>), for WeChat's receipts.
/// Households are added in one village: followers (bound on WeChat) and phone-only members.
/// </summary>
internal sealed class CampaignTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    public const string Token = "token";

    public const string PublicBaseUrl = "https://zhushou.example.cn/";

    private readonly WebApplication _app;

    private CampaignTestHost(WebApplication app, TestDatabase database, FakeWeChatApi wechat, TestClock clock)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = LocalServer.AddressOf(app) };
        _database = database;
        WeChat = wechat;
        Clock = clock;
    }

    public IServiceProvider Services => _app.Services;

    public HttpClient Http { get; }

    public FakeWeChatApi WeChat { get; }

    public TestClock Clock { get; }

    public PersonalDataProtector Protector => Services.GetRequiredService<PersonalDataProtector>();

    public static async Task<CampaignTestHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, WeChatAccountKind account = WeChatAccountKind.Service)
    {
        var wechat = await FakeWeChatApi.StartAsync();
        var database = TestDatabase.Create(provider);
        database.EnsureCreated();
        var clock = new TestClock(Start);
        var builder = LocalServer.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = Token,
            ["Sms:SignName"] = "鹿寨县卫健局",
            ["Campaigns:Lease"] = "00:01:00",
            ["Campaigns:PublicBaseUrl"] = PublicBaseUrl,
            ["Campaigns:WeChatAccount"] = account.ToString(),
        });
        builder.Configuration.AddInMemoryCollection(wechat.Settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(PersonalDataProtector.FromBase64(database.PersonalDataKey));
        builder.Services.AddDbContextFactory<PolicyAssistantDbContext>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
        builder.Services.AddSingleton<IBot, TestBot>();
        builder.Services.AddSingleton<TurnProcessor>();
        builder.Services.AddSingleton<PolicyAssistant.Application.Households.Audit.RecordHouseholdAuditCommand>();
        builder.AddWeChat();
        builder.AddSms();
        builder.AddCampaigns();
        foreach (var worker in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(CampaignSender).Assembly).ToList())
        {
            builder.Services.Remove(worker);
        }

        var app = builder.Build();
        app.MapWeChat();
        await app.StartAsync();
        return new CampaignTestHost(app, database, wechat, clock);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public PolicyAssistantDbContext CreateContext() => Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContext();

    public static string OpenIdOf(int i) => $"oFollower{i:D20}";

    public static string PhoneOf(int i) => $"139{i:D8}";

    /// <summary>A village with <paramref name="followers"/> members bound on WeChat and following, and <paramref name="phoneOnly"/> members with a phone only.</summary>
    public async Task SeedAsync(int followers, int phoneOnly)
    {
        await using var db = CreateContext();
        await CampaignAudiences.SeedVillageAsync(db, Protector, followers, phoneOnly, OpenIdOf, PhoneOf, Start.UtcDateTime);
    }

    /// <summary>A drafted message by staff 1, approved by staff 2 and put into the outbox; returns its id.</summary>
    public async Task<int> ApprovedAndQueuedAsync(string body = "三月是健康扶贫政策宣传月。", WeChatMessageKind kind = WeChatMessageKind.MassText, string? mediaOrTemplateId = null)
    {
        var messageId = await InScopeAsync(async services =>
        {
            var commands = services.GetRequiredService<CampaignCommands>();
            var campaignId = await commands.CreateCampaignAsync(1, "宣传月", "先诊疗后付费", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), default);
            var (id, _) = await commands.AddMessageAsync(1, campaignId, "通知", body, kind, mediaOrTemplateId, new Audience(), default);
            Assert.Null(await commands.ApproveAsync(2, true, id!.Value, null, default));
            return id.Value;
        });
        await InScopeAsync(services => services.GetRequiredService<EnqueueAudienceCommand>().EnqueueAsync(messageId, default));
        return messageId;
    }

    /// <summary>Runs the sender over every route until nothing is due (the clock stands still, so back-offs wait).</summary>
    public async Task DrainAsync(CampaignSender? sender = null, CancellationToken cancellationToken = default)
    {
        sender ??= Services.GetRequiredService<CampaignSender>();
        while (await sender.SendDueAsync(RecipientChannel.WeChat, 1000, cancellationToken)
            + await sender.SendDueAsync(RecipientChannel.CustomerService, 1000, cancellationToken)
            + await sender.SendDueAsync(RecipientChannel.Sms, 1000, cancellationToken) > 0)
        {
        }
    }

    /// <summary>Another instance's sender (on the same kind of account), as after a restart or beside this one.</summary>
    public CampaignSender NewSender(string name, int batch = 1000) => ActivatorUtilities.CreateInstance<CampaignSender>(Services,
        Microsoft.Extensions.Options.Options.Create(new CampaignOptions
        {
            InstanceName = name,
            WeChatBatchSize = batch,
            Lease = TimeSpan.FromMinutes(1),
            WeChatAccount = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CampaignOptions>>().Value.WeChatAccount,
        }));

    /// <summary>The id of the <paramref name="i"/>th member seeded.</summary>
    public async Task<int> MemberIdAsync(int i)
    {
        await using var db = CreateContext();
        return await db.Set<Member>().OrderBy(m => m.Id).Select(m => m.Id).Skip(i).FirstAsync();
    }

    /// <summary>Changes the WeChat follower bound to the <paramref name="i"/>th member.</summary>
    public async Task UpdateFollowerAsync(int i, Action<WeChatFollower> change)
    {
        var memberId = await MemberIdAsync(i);
        await using var db = CreateContext();
        var hashes = db.Set<IdentityBinding>().Where(b => b.MemberId == memberId).Select(b => b.UserKeyHash);
        foreach (var follower in await db.Set<WeChatFollower>().Where(f => hashes.Contains(f.UserKeyHash)).ToListAsync())
        {
            change(follower);
        }

        await db.SaveChangesAsync();
    }

    public async Task<List<CampaignRecipient>> RecipientsAsync()
    {
        await using var db = CreateContext();
        return await db.Set<CampaignRecipient>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        await WeChat.DisposeAsync();
        _database.Dispose();
    }
}
