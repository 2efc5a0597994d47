using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms;

/// <summary>
/// A real host on 127.0.0.1 with AddSms and MapSms, its workers running, the embedded outbox as the
/// provider and <see cref="TestBot"/> as the bot: the callbacks are posted to it as Aliyun would.
/// </summary>
public sealed class SmsCallbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase _database;

    private SmsCallbackHost(WebApplication app, TestDatabase database, Uri baseAddress)
    {
        _app = app;
        _database = database;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public static async Task<SmsCallbackHost> StartAsync(IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = TestDatabase.Create(provider);
        using (database.CreateContext())
        {
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var all = new Dictionary<string, string?> { ["Sms:Inbound:PollInterval"] = "00:00:00.200", ["Sms:Dispatch:PollInterval"] = "00:00:00.200", ["Sms:Inbound:AllowUnprotected"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddConfiguration(SmsTestServices.BuildConfiguration(all));
        builder.Services.AddDbContextFactory<PolicyAssistantDbContext>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
        builder.Services.AddSingleton<IBot, TestBot>();
        builder.Services.AddSingleton<TurnProcessor>();
        builder.Services.AddSms(builder.Configuration);
        var app = builder.Build();
        app.MapSms();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SmsCallbackHost(app, database, new Uri(address));
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<List<T>> ReadAsync<T>() where T : class
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<T>().AsNoTracking().ToListAsync();
    }

    public async Task AddAsync<T>(T row) where T : class
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        db.Add(row);
        await db.SaveChangesAsync();
    }

    /// <summary>Waits for the workers to produce rows that satisfy <paramref name="condition"/>; gives up after 20 s.</summary>
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
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
    }
}
