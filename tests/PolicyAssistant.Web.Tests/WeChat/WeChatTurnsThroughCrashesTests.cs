using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Npgsql;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Support;

namespace PolicyAssistant.Web.Tests.WeChat;

/// <summary>
/// Every WeChat message is answered, whatever happened to the instance that was answering it. A turn is held in
/// the middle by locking the conversation-state table on PostgreSQL, so the crash or the stop lands mid-turn every time.
/// </summary>
public sealed class WeChatTurnsThroughCrashesTests
{
    private const string Token = "crash-test-token";
    private const string Question = "住院要交押金吗";

    private static readonly Dictionary<string, string> WeChatSettings = new()
    {
        ["WeChat:Token"] = Token,
        ["WeChat:AppId"] = "wxcrash000000000",
        ["WeChat:Mode"] = "Plaintext",
        ["WeChat:AnswerBudget"] = "00:00:01",
    };

    [PostgresFact]
    public async Task TurnsRunningWhenTheProcessIsKilled_AreEachAnsweredOnceAfterTheRestart()
    {
        using var database = TestDatabase.CreatePostgres();
        var users = Enumerable.Range(1, 4).Select(i => $"oCrash-{i}").ToList();
        using (var doomed = await ProductProcess.StartAsync(database, WeChatSettings))
        {
            await using var stateLock = await LockConversationStateAsync(database);
            using var client = new HttpClient { BaseAddress = doomed.Address, Timeout = TimeSpan.FromSeconds(30) };
            var attempts = users.Select((user, i) => SendAsync(client, user, 9000 + i)).ToList();
            await WaitForClaimsAsync(database, users.Count);
            doomed.Kill();
            await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        using var restarted = await ProductProcess.StartAsync(database, WeChatSettings);
        using var retrying = new HttpClient { BaseAddress = restarted.Address, Timeout = TimeSpan.FromSeconds(30) };
        var retries = await Task.WhenAll(users.Select((user, i) => SendAsync(retrying, user, 9000 + i)));
        var lastRetries = await Task.WhenAll(users.Select((user, i) => SendAsync(retrying, user, 9000 + i)));

        Assert.All(retries, reply => Assert.Contains("押金", reply));
        Assert.Equal(retries, lastRetries);
    }

    [PostgresFact]
    public async Task TurnStillRunningAtAGracefulStop_IsHandedBackAndAnsweredByTheNextInstance()
    {
        using var database = TestDatabase.CreatePostgres();
        var stopping = new ProductFactory(database, Settings(shutdownSeconds: 1));
        var client = stopping.CreateClient();
        await using (var stateLock = await LockConversationStateAsync(database))
        {
            _ = SendAsync(client, "oStop-1", 9100);
            await WaitForClaimsAsync(database, 1);
            await Task.Run(stopping.Dispose);
        }

        using var next = new ProductFactory(database, Settings(shutdownSeconds: 5));
        var retry = await SendAsync(next.CreateClient(), "oStop-1", 9100);

        Assert.Contains("押金", retry);
    }

    [PostgresFact]
    public async Task TurnThatFinishesWithinTheShutdownTimeout_IsAnsweredBeforeTheStopCompletes()
    {
        using var database = TestDatabase.CreatePostgres();
        var stopping = new ProductFactory(database, Settings(shutdownSeconds: 20));
        var client = stopping.CreateClient();
        var stateLock = await LockConversationStateAsync(database);
        _ = SendAsync(client, "oStop-2", 9200);
        await WaitForClaimsAsync(database, 1);

        var stopped = Task.Run(stopping.Dispose);
        await Task.Delay(500);
        await stateLock.DisposeAsync();
        await stopped;

        Assert.Equal(1, await CountAnsweredAsync(database));
    }

    private static Dictionary<string, string?> Settings(int shutdownSeconds)
    {
        var settings = WeChatSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["shutdownTimeoutSeconds"] = shutdownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>Holds an exclusive lock on the bot's state table until disposed: every turn waits on its first state read.</summary>
    private static async Task<NpgsqlTransaction> LockConversationStateAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""LOCK TABLE "BotStates" IN ACCESS EXCLUSIVE MODE""", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task WaitForClaimsAsync(TestDatabase database, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync(database, """SELECT COUNT(*) FROM "WeChatInboundMessages" WHERE "ReplyXml" IS NULL""") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The messages were never claimed.");
            await Task.Delay(100);
        }
    }

    private static Task<long> CountAnsweredAsync(TestDatabase database) =>
        CountAsync(database, """SELECT COUNT(*) FROM "WeChatInboundMessages" WHERE "ReplyXml" IS NOT NULL""");

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One attempt at a text message, signed as WeChat signs it; the reply's content ("" when WeChat is left to retry).</summary>
    private static async Task<string> SendAsync(HttpClient client, string openId, long msgId)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(1_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(new[] { Token, timestamp, nonce }.Order(StringComparer.Ordinal)))));
        var body = $"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{Question}]]></Content><MsgId>{msgId}</MsgId></xml>";
        var response = await client.PostAsync($"/wechat?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid={openId}", new StringContent(body, Encoding.UTF8, "text/xml"));
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? "" : XElement.Parse(text).Element("Content")?.Value ?? text;
    }
}
