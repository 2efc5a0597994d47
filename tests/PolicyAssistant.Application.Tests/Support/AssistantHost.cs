using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Application.Tickets;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Support;

/// <summary>
/// The assistant wired as the product wires it (knowledge base, households, SMS channel with its embedded
/// outbox, the WeChat API client, 转人工 tickets, the real PolicyBot), on a real database with the demo data loaded. The start-up tasks run; the
/// background workers do not: a test dispatches SMS by hand, so what it reads is settled.
/// </summary>
public sealed partial class AssistantHost : IAsyncDisposable
{
    /// <summary>2019-10-20: the demo data's dates stay as written and the catalog has this year's rules for 府谷县.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2019, 10, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly bool _ownsDatabase;

    private AssistantHost(IHost host, TestDatabase database, bool ownsDatabase, TestClock clock, string personalDataKey)
    {
        _host = host;
        Database = database;
        _ownsDatabase = ownsDatabase;
        Clock = clock;
        PersonalDataKey = personalDataKey;
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; }

    public string PersonalDataKey { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The assistant on a database of its own, dropped with the host.</summary>
    /// <param name="settings">Configuration on top of the defaults, such as WeChat:ApiBaseUrl pointing at a fake WeChat API.</param>
    public static Task<AssistantHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, TestClock? clock = null, IDictionary<string, string?>? settings = null) =>
        StartAsync(TestDatabase.Create(provider), ownsDatabase: true, clock ?? new TestClock(DefaultStart), PersonalDataProtector.NewKey(), settings);

    /// <summary>The assistant on a database that outlives it, to start it again on the same data.</summary>
    public static Task<AssistantHost> StartAsync(TestDatabase database, TestClock? clock = null) =>
        StartAsync(database, ownsDatabase: false, clock ?? new TestClock(DefaultStart), PersonalDataProtector.NewKey());

    /// <summary>A second start on the same database, clock and key: a restart of the product.</summary>
    public Task<AssistantHost> RestartAsync() => StartAsync(Database, ownsDatabase: false, Clock, PersonalDataKey);

    private static async Task<AssistantHost> StartAsync(TestDatabase database, bool ownsDatabase, TestClock clock, string personalDataKey, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Households:LoadDemoData"] = "true",
            ["Households:PersonalDataKey"] = personalDataKey,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.AddPolicyAssistantDatabase(database.Provider, database.ConnectionString);
        builder.AddStartupTasks();
        builder.AddKnowledgeBase(RepositoryPaths.Content);
        builder.AddHouseholds(RepositoryPaths.Content, Path.GetTempPath());
        builder.AddAssistant();
        builder.AddAwareness();
        builder.AddSms();
        builder.AddWeChat();
        builder.AddTickets();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(task => task.Order))
            {
                await task.RunAsync(CancellationToken.None);
            }
        }

        return new AssistantHost(host, database, ownsDatabase, clock, personalDataKey);
    }

    public ChatUser User(string userId, string channelId = "web") => new(this, channelId, userId);

    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity) =>
        await Services.GetRequiredService<TurnProcessor>().ProcessActivityAsync(activity, CancellationToken.None);

    /// <summary>Sends what is queued through the outbox gateway and reads the newest code sent to a phone.</summary>
    public async Task<string?> LatestCodeSentToAsync(string phoneNumber)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SmsDispatcher>().DispatchDueAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        var text = await db.Set<OutboxGatewayEntry>()
            .Where(message => message.PhoneNumber == phoneNumber && message.Kind == SmsKind.VerificationCode)
            .OrderByDescending(message => message.Id)
            .Select(message => message.Text)
            .FirstOrDefaultAsync();
        return text is null ? null : SixDigits().Match(text).Value;
    }

    public async Task<int> CodesSentCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        return await db.Set<SmsOutboundMessage>().CountAsync(message => message.Kind == SmsKind.VerificationCode);
    }

    public async Task<List<HouseholdAuditEntry>> AuditAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<HouseholdAuditEntry>().AsNoTracking().OrderBy(entry => entry.Id).ToListAsync();
    }

    public async Task<List<IdentityBinding>> BindingsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<IdentityBinding>().AsNoTracking().ToListAsync();
    }

    public async Task<List<BindingAttempt>> BindingAttemptsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<BindingAttempt>().AsNoTracking().OrderBy(attempt => attempt.Id).ToListAsync();
    }

    /// <summary>The database ids of a demo person, found as the bot finds them: by the ID number's keyed hash.</summary>
    public async Task<(int MemberId, int HouseholdId)> IdsOfAsync(DemoPerson person)
    {
        var hash = Services.GetRequiredService<PersonalDataProtector>().HashOf(IdNumber.Parse(person.IdNumber));
        await using var db = await Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        var member = await db.Set<Member>().AsNoTracking().SingleAsync(m => m.IdNumberHash == hash);
        return (member.Id, member.HouseholdId);
    }

    /// <summary>Binds a web user to a demo person through the whole dialog, reading the code from the outbox.</summary>
    public async Task<ChatUser> BindAsync(string userId, DemoPerson person)
    {
        var user = User(userId);
        await user.SayAsync("绑定");
        await user.SayAsync(person.Name);
        var sent = await user.SayAsync(person.IdNumber);
        Assert.Contains("验证码已发到", sent);
        var bound = await user.SayAsync((await LatestCodeSentToAsync(person.Phone!))!);
        Assert.Contains("绑定成功", bound);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        if (_ownsDatabase)
        {
            Database.Dispose();
        }
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}

/// <summary>One user of one channel, talking to the bot turn by turn.</summary>
public sealed class ChatUser(AssistantHost host, string channelId, string userId)
{
    public string UserId => userId;

    /// <summary>Every reply of the turn, joined by blank lines.</summary>
    public async Task<string> SayAsync(string text) => string.Join("\n\n", (await ExchangeAsync(text)).Select(reply => reply.Text));

    /// <summary>Says each text in turn; the replies to the last one.</summary>
    public async Task<string> SayAllAsync(params string[] texts)
    {
        var reply = "";
        foreach (var text in texts)
        {
            reply = await SayAsync(text);
        }

        return reply;
    }

    public Task<IReadOnlyList<Activity>> ExchangeAsync(string text) =>
        host.ProcessAsync(Activity.CreateMessage(channelId, userId, new ChannelAccount(userId), new ChannelAccount("bot"), text));
}
