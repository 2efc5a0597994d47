using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Support;
using Xunit.Abstractions;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace PolicyAssistant.Web.Tests.Campaigns;

/// <summary>
/// A campaign reaches every recipient exactly once though the sending process is killed (SIGKILL) twice while it
/// drains the outbox: the product runs as a process of its own on a SQLite file, against local fakes of WeChat's
/// API and Aliyun's SMS API that count what each follower and each phone receives.
/// </summary>
public sealed class CampaignSendThroughCrashesTests(ITestOutputHelper output)
{
    /// <summary>POLICYASSISTANT_CAMPAIGN_CRASH_RECIPIENTS overrides the size (default 100,000) for a slower machine.</summary>
    private static readonly int Recipients = int.TryParse(Environment.GetEnvironmentVariable("POLICYASSISTANT_CAMPAIGN_CRASH_RECIPIENTS"), CultureInfo.InvariantCulture, out var n) ? n : 100_000;

    // Every fifth household has a phone only; the others follow the account on WeChat.
    private static bool IsFollower(int i) => i % 5 != 0;

    private static string OpenIdOf(int i) => $"oCrash{i:D22}";

    private static string PhoneOf(int i) => $"139{i:D8}";

    [Fact]
    public async Task CampaignToAHundredThousand_SenderKilledTwiceMidDrain_EveryRecipientGetsExactlyOneMessage()
    {
        await using var wechat = await FakeWeChatApi.StartAsync();
        await using var sms = await FakeAliyunSms.StartAsync();
        using var database = TestDatabase.CreateSqlite();
        var watch = Stopwatch.StartNew();
        await SeedAsync(database, Recipients);
        output.WriteLine($"Seeded {Recipients:N0} households in {watch.Elapsed.TotalSeconds:F1} s.");
        var settings = Settings(wechat, sms);
        int Received() => wechat.MassSendsReceived.Count + sms.Taken.Count;
        watch.Restart();

        // Each crash is made from inside a gateway call that has just reached the phones, before the product hears
        // back: the gap the idempotency keys must close, hit every time. First a WeChat mass send at 30% of the
        // followers (its clientmsgid must hold), then an SMS batch call at 65% of the phones (the provider is asked).
        var followers = Enumerable.Range(1, Recipients).Count(IsFollower);
        var crashes = new (string Gateway, Action<Action?> HookUp, Func<bool> FarEnough)[]
        {
            ("WeChat", hook => wechat.AfterMassSend = hook, () => wechat.MassSendsReceived.Count >= followers * 0.30),
            ("SMS", hook => sms.AfterTake = hook, () => sms.Taken.Count >= (Recipients - followers) * 0.65),
        };
        foreach (var (gateway, hookUp, farEnough) in crashes)
        {
            using var doomed = await ProductProcess.StartAsync(database, settings);
            var killed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            hookUp(() =>
            {
                if (farEnough() && killed.TrySetResult(Received()))
                {
                    doomed.Kill();
                }
            });
            var at = await killed.Task.WaitAsync(TimeSpan.FromMinutes(4));
            hookUp(null);
            output.WriteLine($"Killed inside a {gateway} call at {at:N0} received, {watch.Elapsed.TotalSeconds:F1} s in.");
            Assert.True(at < Recipients, "The campaign was sent out before the kill; the crash did not land mid-drain.");
        }

        using (await ProductProcess.StartAsync(database, settings))
        {
            var finished = await WaitUntilAsync(() => IsSettledAsync(database).GetAwaiter().GetResult());
            output.WriteLine($"Settled {finished.TotalSeconds:F1} s after the last start; {watch.Elapsed.TotalSeconds:F1} s in all.");
            var massSends = wechat.Received.Where(c => c.Path == "cgi-bin/message/mass/send").GroupBy(c => (string?)c.Body["clientmsgid"]).ToList();
            output.WriteLine($"{massSends.Count} mass sends, {massSends.Count(g => g.Count() > 1)} of them repeated under their clientmsgid; "
                + $"{sms.Requests("SendBatchSms").Count} SMS batch calls, {sms.Requests("QuerySendDetails").Count} status queries.");
        }

        // What each phone and each follower's WeChat shows: a mass send repeated under its clientmsgid shows once, as on WeChat.
        var counts = sms.Taken.GroupBy(m => m.PhoneNumber).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (openId, count) in wechat.MassSendsReceived)
        {
            counts[openId] = count;
        }

        var perRecipient = Enumerable.Range(1, Recipients).Select(i => counts.GetValueOrDefault(IsFollower(i) ? OpenIdOf(i) : PhoneOf(i))).ToList();
        Assert.Equal((Recipients, 0, 0), (perRecipient.Count(c => c == 1), perRecipient.Count(c => c == 0), perRecipient.Count(c => c > 1)));
    }

    private static Dictionary<string, string> Settings(FakeWeChatApi wechat, FakeAliyunSms sms)
    {
        var settings = new Dictionary<string, string>
        {
            ["WeChat:Token"] = "crash-test-token",
            ["Sms:Templates:Campaign"] = "SMS_CAMPAIGN",
            ["Sms:Templates:Reply"] = "SMS_REPLY",
            ["Sms:Dispatch:PollInterval"] = "00:00:00.2",
            // A dead dispatcher's claims lapse soon, and an unanswered call is asked about soon.
            ["Sms:Dispatch:RequestTimeout"] = "00:00:02",
            ["Sms:Dispatch:SendingLease"] = "00:00:05",
            ["Sms:Dispatch:StatusSettleDelay"] = "00:00:03",
            ["Campaigns:Lease"] = "00:00:05",
            ["Campaigns:PollInterval"] = "00:00:00.2",
            ["Campaigns:WeChatRatePerSecond"] = "20000",
            ["Campaigns:SmsRatePerSecond"] = "20000",
        };
        foreach (var (key, value) in wechat.Settings.Concat(sms.Settings))
        {
            settings[key] = value!;
        }

        return settings;
    }

    /// <summary>Sent, and every text the provider had: the message completed and no text still queued, in flight or unconfirmed.</summary>
    private static async Task<bool> IsSettledAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM "CampaignMessages" WHERE "Status" <> '{CampaignMessageStatus.Completed}')
                 + (SELECT COUNT(*) FROM "SmsOutboundMessages" WHERE "Status" IN ('Queued', 'Sending', 'Unconfirmed'))
            """;
        return (long)(await command.ExecuteScalarAsync())! == 0;
    }

    private static async Task<TimeSpan> WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(4), "The campaign did not get that far within 4 minutes.");
            await Task.Delay(50);
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// The schema, then a county of 100 villages with <paramref name="households"/> households of one member each,
    /// written with prepared statements in one transaction (an EF insert each would take minutes), then one
    /// approved message to everyone, due now. ID numbers are placeholders: the sender never reads them; phones
    /// and OpenIDs are encrypted with the database's key, as the sender decrypts them.
    /// </summary>
    private static async Task SeedAsync(TestDatabase database, int households)
    {
        var options = DatabaseSetup.BuildOptions(database.Provider, database.ConnectionString);
        await using (var db = new PolicyAssistantDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var protector = PersonalDataProtector.FromBase64(database.PersonalDataKey);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        Execute(connection, transaction, """INSERT INTO "Regions" ("Id", "Code", "Name", "Level", "ParentId") VALUES (1, '450223', '鹿寨县', 'County', NULL)""");
        for (var t = 1; t <= 10; t++)
        {
            Execute(connection, transaction, $"""INSERT INTO "Regions" ("Id", "Code", "Name", "Level", "ParentId") VALUES ({1 + t}, '450223{t:D3}', '第{t}镇', 'Township', 1)""");
            for (var v = 1; v <= 10; v++)
            {
                Execute(connection, transaction, $"""INSERT INTO "Regions" ("Id", "Code", "Name", "Level", "ParentId") VALUES ({100 + t * 10 + v}, '450223{t:D3}{v:D3}', '第{t}镇第{v}村', 'Village', {1 + t})""");
            }
        }

        var household = Prepare(connection, transaction, """INSERT INTO "Households" ("Id", "VillageId", "Address", "IsRegisteredPoor") VALUES ($id, $village, '1组', 1)""", "$id", "$village");
        var member = Prepare(connection, transaction, """
            INSERT INTO "Members" ("Id", "HouseholdId", "Name", "RelationToHead", "IdNumberHash", "IdNumberCiphertext", "IdNumberMasked", "BirthDate", "Sex", "PhoneCiphertext", "IsPolicyLiterateMember")
            VALUES ($id, $id, $name, 'Self', $hash, 'placeholder', '4502**********0012', '1980-01-01', 'Female', $phone, 0)
            """, "$id", "$name", "$hash", "$phone");
        var binding = Prepare(connection, transaction, """INSERT INTO "IdentityBindings" ("ChannelId", "UserKeyHash", "MemberId", "BoundAt") VALUES ($channel, $user, $member, '2026-01-01 00:00:00')""", "$channel", "$user", "$member");
        var follower = Prepare(connection, transaction, """INSERT INTO "WeChatFollowers" ("UserKeyHash", "OpenIdCiphertext", "Subscribed", "LastMessageAt") VALUES ($user, $openId, 1, '2026-01-01 00:00:00')""", "$user", "$openId");
        for (var i = 1; i <= households; i++)
        {
            Run(household, i, 111 + (i % 10) * 10 + i / 10 % 10);
            Run(member, i, $"韦{i}秀", $"placeholder-{i}", IsFollower(i) ? DBNull.Value : protector.Protect(PersonalDataPurposes.Phone, PhoneOf(i)));
            if (IsFollower(i))
            {
                var user = ChannelUser.Of(new Activity { Type = ActivityTypes.Message, ChannelId = WeChatAdapter.ChannelId, From = new ChannelAccount(OpenIdOf(i)), Recipient = new ChannelAccount("gh"), ConversationId = OpenIdOf(i) }, protector);
                Run(binding, user.ChannelId, user.UserKeyHash, i);
                Run(follower, user.UserKeyHash, protector.Protect(WeChatFollower.OpenIdPurpose, OpenIdOf(i)));
            }
        }

        await transaction.CommitAsync();

        await using var context = new PolicyAssistantDbContext(options);
        var now = DateTime.UtcNow;
        context.Add(new CampaignMessage
        {
            Campaign = new Campaign { Name = "健康扶贫政策宣传月", Theme = "先诊疗后付费", StartsOn = DateOnly.FromDateTime(now), EndsOn = DateOnly.FromDateTime(now).AddDays(30), CreatedById = 1, CreatedAt = now },
            Title = "宣传月通知",
            Body = "本月是健康扶贫政策宣传月，住院先诊疗后付费。",
            WeChatKind = WeChatMessageKind.MassText,
            Audience = new Audience(),
            Status = CampaignMessageStatus.Approved,
            CreatedById = 1,
            ApprovedById = 2,
            ApprovedAt = now,
            SendAt = now,
        });
        await context.SaveChangesAsync();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
