using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

/// <summary>
/// A small bot for the channel tests: it echoes questions, answers "卡片" with a card, "两条…" with two replies, and holds any
/// question starting with "慢" until the test opens <see cref="SlowGate"/>. It records every activity it sees.
/// </summary>
internal sealed class ScriptedBot : IBot
{
    public TaskCompletionSource SlowGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<Activity> Seen { get; } = new();

    public int Calls => Seen.Count;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        Seen.Enqueue(activity);
        if (activity.Type == ActivityTypes.Event)
        {
            if (activity.Name == WeChatAdapter.EventNames.Unsubscribe) return;
            await turnContext.SendTextAsync($"事件：{activity.Name} {activity.Value}".Trim(), cancellationToken);
            return;
        }

        var text = activity.Text ?? "";
        if (text.StartsWith('慢')) await SlowGate.Task.WaitAsync(cancellationToken);
        if (text.StartsWith("两条", StringComparison.Ordinal))
        {
            // Two replies in one turn; "两条长" makes each one too long to share a passive reply.
            var body = text == "两条长" ? new string('保', 500) : "";
            await turnContext.SendTextAsync($"第一条：{text}{body}", cancellationToken);
            await turnContext.SendTextAsync($"第二条：{text}{body}", cancellationToken);
            return;
        }

        if (text == "卡片")
        {
            await turnContext.SendActivityAsync(new Activity
            {
                Type = ActivityTypes.Message, ChannelId = activity.ChannelId, ConversationId = activity.ConversationId,
                From = activity.Recipient, Recipient = activity.From, Text = "慢病办理指南",
                Cards = [new CardAttachment("慢病办理指南", "门诊慢性病确认的材料和流程", "https://example.org/chronic")],
            }, cancellationToken);
            return;
        }

        await turnContext.SendTextAsync($"答：{text}", cancellationToken);
    }
}

/// <summary>A real web host on 127.0.0.1 with MapWeChat, the real TurnProcessor, the scripted bot and a real database.</summary>
internal sealed class WeChatTestHost : IAsyncDisposable
{
    public const string Token = "PolicyAssistantToken";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string Account = "gh_policyassistant";

    private readonly WebApplication _app;
    private readonly TestDatabase _database;

    private WeChatTestHost(WebApplication app, TestDatabase database, ScriptedBot bot)
    {
        _app = app;
        _database = database;
        Bot = bot;
        Http = new HttpClient { BaseAddress = LocalServer.AddressOf(app) };
    }

    public ScriptedBot Bot { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WeChatTestHost> StartAsync(
        FakeWeChatApi api, WeChatEncryptionMode mode = WeChatEncryptionMode.Plaintext, bool verified = false,
        TimeSpan? answerBudget = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = TestDatabase.Create(provider);
        database.EnsureCreated();

        var builder = LocalServer.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(api.Settings)
        {
            ["WeChat:Token"] = Token,
            ["WeChat:EncodingAesKey"] = AesKey,
            ["WeChat:Mode"] = mode.ToString(),
            ["WeChat:IsVerifiedServiceAccount"] = verified.ToString(),
            ["WeChat:AnswerBudget"] = (answerBudget ?? TimeSpan.FromSeconds(4)).ToString(),
        });
        var bot = new ScriptedBot();
        builder.AddPolicyAssistantDatabase(database.Provider, database.ConnectionString);
        builder.Services.AddSingleton<IBot>(bot);
        builder.Services.AddScoped<TurnProcessor>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWeChat();
        var app = builder.Build();
        app.MapWeChat();
        await app.StartAsync();
        return new WeChatTestHost(app, database, bot);
    }

    public async Task<List<WeChatInboundMessage>> InboundMessagesAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<WeChatInboundMessage>().AsNoTracking().ToListAsync();
    }

    public async Task<List<WeChatReceipt>> ReceiptsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<WeChatReceipt>().AsNoTracking().ToListAsync();
    }

    /// <summary>Polls the table until <paramref name="condition"/> holds (a guard of 30 s, not a timing assertion).</summary>
    public async Task<WeChatInboundMessage> WaitForInboundAsync(Func<WeChatInboundMessage, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if ((await InboundMessagesAsync()).FirstOrDefault(condition) is { } row) return row;
            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
    }
}
