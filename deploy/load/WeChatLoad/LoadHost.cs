using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Data;

namespace PolicyAssistant.Channels.WeChat.Load;

/// <summary>
/// A stand-in for the product while it is not wired yet: MapWeChat with the real TurnProcessor, an echo
/// bot and SQLite, plus POST /bare answering a fixed passive reply: the floor the channel is measured against.
/// </summary>
internal static class LoadHost
{
    private const string FixedReply =
        "<xml><ToUserName><![CDATA[oUser]]></ToUserName><FromUserName><![CDATA[gh_load]]></FromUserName><CreateTime>1700000000</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[答：固定回复]]></Content></xml>";

    public static async Task<int> RunAsync(LoadArguments arguments)
    {
        var folder = Directory.CreateTempSubdirectory("wechat-load-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "load.db")};Pooling=True";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(arguments.Get("urls", "http://127.0.0.1:5080"));
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = arguments.Get("token", "loadtoken"),
            ["WeChat:AppId"] = "wxload0000000000",
            ["WeChat:AppSecret"] = "unused",
        });
        var postgres = arguments.Get("postgres", "");
        var (provider, database) = postgres.Length > 0 ? (DatabaseProvider.PostgreSql, postgres) : (DatabaseProvider.Sqlite, connectionString);
        builder.Services.AddDbContext<PolicyAssistantDbContext>(options =>
        {
            DatabaseSetup.Configure(options, provider, database);
            if (provider == DatabaseProvider.Sqlite) options.AddInterceptors(new SqliteBusyTimeout());
        });
        builder.Services.AddSingleton<IBot, EchoBot>();
        builder.Services.AddScoped<TurnProcessor>();
        builder.Services.AddWeChat(builder.Configuration);
        var app = builder.Build();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            db.Database.EnsureCreated();
            // Write-ahead logging: what a production SQLite file should run with; readers then never wait for the writer.
            if (provider == DatabaseProvider.Sqlite) db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        app.MapWeChat();
        app.MapPost("/bare", () => Results.Text(FixedReply, "application/xml; charset=utf-8"));
        await app.StartAsync();
        Console.WriteLine($"WeChat load host on {string.Join(", ", app.Urls)}; {provider} database");
        await app.WaitForShutdownAsync();
        folder.Delete(recursive: true);
        return 0;
    }

    /// <summary>
    /// Lets SQLite itself wait for a busy database in small steps; without it Microsoft.Data.Sqlite retries
    /// a locked write every 150 ms, which under concurrent writers costs seconds.
    /// </summary>
    private sealed class SqliteBusyTimeout : DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 10000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 10000;";
            command.ExecuteNonQuery();
        }
    }

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendTextAsync($"答：{turnContext.Activity.Text}", cancellationToken);
    }
}
