using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Tests.Sms;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Campaigns;

/// <summary>
/// The one arrangement of the campaign tests: AddSms (embedded outbox), AddWeChat against a <see cref="FakeWeChatApi"/>
/// and AddCampaigns over a real database, on a <see cref="TestClock"/>, the workers not running: a test drives the sender.
/// Households are added in one village: followers (bound on WeChat) and phone-only members.
/// </summary>
internal sealed class CampaignTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    private CampaignTestHost(ServiceProvider services, TestDatabase database, FakeWeChatApi wechat, TestClock clock)
    {
        Services = services;
        _database = database;
        WeChat = wechat;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeWeChatApi WeChat { get; }

    public TestClock Clock { get; }

    public PersonalDataProtector Protector => Services.GetRequiredService<PersonalDataProtector>();

    public static async Task<CampaignTestHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var wechat = await FakeWeChatApi.StartAsync();
        var database = TestDatabase.Create(provider);
        database.EnsureCreated();
        var clock = new TestClock(Start);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token",
            ["WeChat:AppId"] = FakeWeChatApi.AppId,
            ["WeChat:AppSecret"] = FakeWeChatApi.AppSecret,
            ["WeChat:ApiBaseUrl"] = wechat.BaseUrl.ToString(),
            ["Sms:SignName"] = "鹿寨县卫健局",
            ["Campaigns:Lease"] = "00:01:00",
        });
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
        return new CampaignTestHost(builder.Services.BuildServiceProvider(), database, wechat, clock);
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
        var county = new Region { Code = "450223", Name = "鹿寨县", Level = RegionLevel.County };
        var township = new Region { Code = "450223101", Name = "鹿寨镇", Level = RegionLevel.Township, Parent = county };
        var village = new Region { Code = "450223101201", Name = "石路村", Level = RegionLevel.Village, Parent = township };
        db.AddRange(county, township, village);
        for (var i = 0; i < followers + phoneOnly; i++)
        {
            var idNumber = IdNumber.Parse(IdNumberFor(i));
            var member = Member.Create($"韦{i}秀", RelationToHead.Self, idNumber, PhoneNumber.Parse(PhoneOf(i)), Protector);
            var household = new Household { Village = village, Address = $"{i}号", IsRegisteredPoor = true, Members = [member] };
            db.Add(household);
            if (i < followers)
            {
                var user = ChannelUser.Of(new Activity { Type = ActivityTypes.Message, ChannelId = WeChatAdapter.ChannelId, From = new ChannelAccount(OpenIdOf(i)), Recipient = new ChannelAccount("gh"), ConversationId = OpenIdOf(i) }, Protector);
                db.Add(new IdentityBinding { ChannelId = user.ChannelId, UserKeyHash = user.UserKeyHash, Member = member, BoundAt = Start.UtcDateTime });
                db.Add(new WeChatFollower { UserKeyHash = user.UserKeyHash, OpenIdCiphertext = Protector.Protect(WeChatFollower.OpenIdPurpose, OpenIdOf(i)), Subscribed = true, LastMessageAt = Start.UtcDateTime });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A drafted message by staff 1, approved by staff 2 and put into the outbox; returns its id.</summary>
    public async Task<int> ApprovedAndQueuedAsync(string body = "三月是健康扶贫政策宣传月。")
    {
        var messageId = await InScopeAsync(async services =>
        {
            var commands = services.GetRequiredService<CampaignCommands>();
            var campaignId = await commands.CreateCampaignAsync(1, "宣传月", "先诊疗后付费", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), default);
            var (id, _) = await commands.AddMessageAsync(1, campaignId, "通知", body, WeChatMessageKind.MassText, null, new Audience(), default);
            Assert.Null(await commands.ApproveAsync(2, true, id!.Value, null, default));
            return id.Value;
        });
        await InScopeAsync(services => services.GetRequiredService<EnqueueAudienceCommand>().EnqueueAsync(messageId, default));
        return messageId;
    }

    public async Task<List<CampaignRecipient>> RecipientsAsync()
    {
        await using var db = CreateContext();
        return await db.Set<CampaignRecipient>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private static string IdNumberFor(int i)
    {
        var body = $"450223198001{i % 28 + 1:D2}{i % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, k) => (c - '0') * weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await WeChat.DisposeAsync();
        _database.Dispose();
    }
}
