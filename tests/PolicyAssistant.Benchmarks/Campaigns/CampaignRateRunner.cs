using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.Campaigns;

/// <summary>
/// Runs the product's campaign send worker against the local fake WeChat and Aliyun SMS servers on a SQLite file, with
/// more recipients than a minute takes, and counts what the sender hands over each second of a minute (after a
/// warm-up): the rate per channel over the minute and over each 10 s, against the configured rate. The customer-service
/// channel gets followers who have had this month's four mass sends and wrote within 48 hours, as in life.
/// <c>dotnet run -c Release --project tests/PolicyAssistant.Benchmarks -- --campaign-rate [seconds]</c>
/// </summary>
public static class CampaignRateRunner
{
    public const string Switch = "--campaign-rate";

    private const double WeChatRate = 200;
    private const double SmsRate = 50;

    /// <summary>The product's default, whatever it is.</summary>
    private static readonly double CustomerServiceRate = new CampaignOptions().CustomerServiceRatePerSecond;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        var seconds = at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var n) ? n : 60;
        var total = Warmup.TotalSeconds + seconds + 10;

        await using var wechat = await FakeWeChatApi.StartAsync();
        await using var sms = await FakeAliyunSms.StartAsync();
        using var database = TestDatabase.CreateSqlite();
        database.EnsureCreated();
        var protector = PersonalDataProtector.FromBase64(database.PersonalDataKey);
        var messageId = await SeedAsync(database, protector, followers: (int)(WeChatRate * total), pastFourMassSends: (int)(CustomerServiceRate * total), phoneOnly: (int)(SmsRate * total));

        using var host = Build(database, protector, wechat, sms);
        await host.StartAsync();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>();
        await Task.Delay(Warmup);

        var samples = new List<Dictionary<RecipientChannel, int>> { await HandedOverAsync(contexts, messageId) };
        var started = DateTime.UtcNow;
        for (var second = 1; second <= seconds; second++)
        {
            var wait = started.AddSeconds(second) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            samples.Add(await HandedOverAsync(contexts, messageId));
        }

        await host.StopAsync();
        Report("WeChat", WeChatRate, samples.Select(s => s.GetValueOrDefault(RecipientChannel.WeChat)).ToList());
        Report("CustomerService", CustomerServiceRate, samples.Select(s => s.GetValueOrDefault(RecipientChannel.CustomerService)).ToList());
        Report("SMS", SmsRate, samples.Select(s => s.GetValueOrDefault(RecipientChannel.Sms)).ToList());
    }

    private static void Report(string channel, double configured, IReadOnlyList<int> counts)
    {
        var seconds = counts.Count - 1;
        var overall = (counts[^1] - counts[0]) / (double)seconds;
        var windows = Enumerable.Range(0, seconds / 10).Select(w => (counts[(w + 1) * 10] - counts[w * 10]) / 10.0).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{channel,-15} configured {configured:F0}/s: {overall:F1}/s over {seconds} s ({(overall / configured - 1) * 100:+0.0;-0.0;0.0}%); 10-second windows {string.Join(" ", windows.Select(w => w.ToString("F1", CultureInfo.InvariantCulture)))}; within ±5%: {(Math.Abs(overall / configured - 1) <= 0.05 ? "yes" : "no")}"));
    }

    /// <summary>The message's recipients handed over so far, by channel.</summary>
    private static async Task<Dictionary<RecipientChannel, int>> HandedOverAsync(IDbContextFactory<PolicyAssistantDbContext> contexts, int messageId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Set<CampaignRecipient>().Where(r => r.MessageId == messageId && r.Status >= RecipientStatus.Sent && r.Status <= RecipientStatus.Read)
            .GroupBy(r => r.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Channel, g => g.Count);
    }

    private static IHost Build(TestDatabase database, PersonalDataProtector protector, FakeWeChatApi wechat, FakeAliyunSms sms)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token",
            ["Sms:Templates:Campaign"] = "SMS_CAMPAIGN",
            ["Sms:Templates:Reply"] = "SMS_REPLY",
            ["Sms:Dispatch:PollInterval"] = "00:00:00.200",
            ["Campaigns:WeChatRatePerSecond"] = WeChatRate.ToString(CultureInfo.InvariantCulture),
            ["Campaigns:SmsRatePerSecond"] = SmsRate.ToString(CultureInfo.InvariantCulture),
            ["Campaigns:CustomerServiceRatePerSecond"] = CustomerServiceRate.ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(wechat.Settings);
        builder.Configuration.AddInMemoryCollection(sms.Settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(protector);
        builder.AddPolicyAssistantDatabase(database.Provider, database.ConnectionString);
        builder.Services.AddSingleton<IBot, NoBot>();
        builder.Services.AddSingleton<TurnProcessor>();
        builder.Services.AddSingleton<PolicyAssistant.Application.Households.Audit.RecordHouseholdAuditCommand>();
        builder.AddWeChat();
        builder.AddSms();
        builder.AddCampaigns();
        return builder.Build();
    }

    /// <summary>
    /// One village of followers bound on WeChat (the last <paramref name="pastFourMassSends"/> of them had four mass sends this
    /// month, and wrote just now) and members with a phone only, and one approved message to all of them, due now; returns its id.
    /// </summary>
    private static async Task<int> SeedAsync(TestDatabase database, PersonalDataProtector protector, int followers, int pastFourMassSends, int phoneOnly)
    {
        await using var db = database.CreateFactory().CreateDbContext();
        var now = DateTime.UtcNow;
        await CampaignAudiences.SeedVillageAsync(db, protector, followers + pastFourMassSends, phoneOnly, i => $"oRate{i:D23}", i => $"139{i:D8}", now);
        var campaign = new Campaign { Name = "基准", Theme = "基准", StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 31), CreatedById = 1 };
        var earlier = Enumerable.Range(1, WeChatLimits.MassSendsPerFollowerPerMonth).Select(i => new CampaignMessage
        {
            Campaign = campaign, Title = $"本月第{i}条", Body = "已发。", Audience = new Audience(), Status = CampaignMessageStatus.Completed, CreatedById = 1, ApprovedById = 2,
        }).ToList();
        var message = new CampaignMessage { Campaign = campaign, Title = "基准", Body = "三月是健康扶贫政策宣传月。", Audience = new Audience(), Status = CampaignMessageStatus.Approved, SendAt = now, CreatedById = 1, ApprovedById = 2 };
        db.AddRange(earlier);
        db.Add(message);
        await db.SaveChangesAsync();

        var members = await db.Set<Member>().Include(m => m.Household).OrderBy(m => m.Id).Skip(followers).Take(pastFourMassSends).ToListAsync();
        var sentAt = new DateTimeOffset(now).ToUnixTimeMilliseconds();
        db.AddRange(earlier.SelectMany(e => members.Select(m => new CampaignRecipient
        {
            MessageId = e.Id, MemberId = m.Id, HouseholdId = m.HouseholdId, VillageId = m.Household!.VillageId, Channel = RecipientChannel.WeChat, Status = RecipientStatus.Sent, SentAt = sentAt,
        })));
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>The campaign worker runs no turns; the WeChat feature only needs a bot registered.</summary>
    private sealed class NoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
