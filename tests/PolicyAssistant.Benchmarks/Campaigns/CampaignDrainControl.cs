using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.Campaigns;

/// <summary>
/// Drives a campaign in a running product's database for deploy/load/load-test.sh drain, so the webhook's latency
/// can be measured with and without a campaign draining in the same product:
/// <c>seed N</c> adds one village of N members with a phone only and one approved message to them, due now, waits
/// until the product's send worker has put the audience into its outbox and pauses the message; <c>resume</c> and
/// <c>pause</c> start and stop the drain (the product's own commands; resume returns once the first claim is handed
/// over). Each prints, for the script, the campaign rows handed over so far, the texts the SMS gateway took so far and
/// the time in Unix milliseconds; <c>pause</c> then waits until the SMS gateway has caught up and says how long it took.
/// The database and personal-data key come from the product's own variables: Storage__Provider,
/// ConnectionStrings__Default, Households__PersonalDataKey.
/// <c>dotnet PolicyAssistant.Benchmarks.dll --campaign-drain seed|resume|pause [recipients]</c>
/// </summary>
public static class CampaignDrainControl
{
    public const string Switch = "--campaign-drain";

    private const string Title = "压测";

    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        var action = at + 1 < args.Length ? args[at + 1] : "";
        var provider = Enum.Parse<DatabaseProvider>(Setting("Storage__Provider"), ignoreCase: true);
        var options = DatabaseSetup.BuildOptions(provider, Setting("ConnectionStrings__Default"));
        await using var db = new PolicyAssistantDbContext(options);
        var commands = new CampaignCommands(db, Options.Create(new CampaignOptions()), TimeProvider.System);
        switch (action)
        {
            case "seed" when at + 2 < args.Length && int.TryParse(args[at + 2], CultureInfo.InvariantCulture, out var recipients):
                var protector = PersonalDataProtector.FromBase64(Setting("Households__PersonalDataKey"));
                var id = await SeedAsync(db, protector, recipients);
                await WaitUntilSendingAsync(db, id);
                await ThrowIfRefused(commands.PauseAsync(id, CancellationToken.None));
                await WaitForGatewayAsync(db);
                break;
            case "resume":
                await ThrowIfRefused(commands.ResumeAsync(await MessageIdAsync(db), CancellationToken.None));
                await WaitForHandOverAsync(db);
                break;
            case "pause":
                // Counted before the pause: the drain ran until now.
                var counts = await CountsAsync(db);
                await ThrowIfRefused(commands.PauseAsync(await MessageIdAsync(db), CancellationToken.None));
                Console.WriteLine(counts);
                Console.WriteLine(await WaitForGatewayAsync(db));
                return 0;
            default:
                Console.Error.WriteLine($"usage: {Switch} seed RECIPIENTS | resume | pause");
                return 2;
        }

        Console.WriteLine(await CountsAsync(db));
        return 0;
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");

    private static async Task<int> SeedAsync(PolicyAssistantDbContext db, PersonalDataProtector protector, int recipients)
    {
        await CampaignAudiences.SeedVillageAsync(db, protector, followers: 0, recipients, _ => "", i => $"139{i:D8}", DateTime.UtcNow);
        var campaign = new Campaign { Name = Title, Theme = Title, StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 31), CreatedById = 1 };
        var message = new CampaignMessage
        {
            Campaign = campaign, Title = Title, Body = "三月是健康扶贫政策宣传月。", Audience = new Audience(), Status = CampaignMessageStatus.Approved,
            SendAt = DateTime.UtcNow, CreatedById = 1, ApprovedById = 2,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>The product's scheduler polls for due messages; a minute is far more than it needs.</summary>
    private static async Task WaitUntilSendingAsync(PolicyAssistantDbContext db, int id)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (await db.Set<CampaignMessage>().AsNoTracking().Where(m => m.Id == id).Select(m => m.Status).SingleAsync() != CampaignMessageStatus.Sending)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The product did not start sending the message within a minute: is its campaign worker running?");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Until the sender's first claim after the resume has been handed over: its idle poll (Campaigns:PollInterval) and the
    /// second's worth of tokens its bucket kept while paused would otherwise count against the rate.
    /// </summary>
    private static async Task WaitForHandOverAsync(PolicyAssistantDbContext db)
    {
        var first = await HandedOverAsync(db);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await HandedOverAsync(db) == first)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The product handed no campaign row over within 30 s of the resume.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Until the SMS gateway has taken every text the campaign handed over (one each: the load sends no other texts), so
    /// the next run without a drain does not carry the dispatcher's backlog.
    /// </summary>
    private static async Task<string> WaitForGatewayAsync(PolicyAssistantDbContext db)
    {
        var paused = DateTime.UtcNow;
        while (await db.Set<OutboxGatewayEntry>().CountAsync() < await HandedOverAsync(db))
        {
            if (DateTime.UtcNow > paused.AddMinutes(2)) return "the SMS gateway had not caught up 2 minutes after the pause";
            await Task.Delay(200);
        }

        return string.Create(CultureInfo.InvariantCulture, $"the SMS gateway caught up {(DateTime.UtcNow - paused).TotalSeconds:F1} s after the pause");
    }

    private static Task<int> HandedOverAsync(PolicyAssistantDbContext db) =>
        db.Set<CampaignRecipient>().CountAsync(r => r.Status >= RecipientStatus.Sent && r.Status <= RecipientStatus.Read);

    private static Task<int> MessageIdAsync(PolicyAssistantDbContext db) =>
        db.Set<CampaignMessage>().Where(m => m.Title == Title).Select(m => m.Id).SingleAsync();

    private static async Task ThrowIfRefused(Task<CampaignError?> command)
    {
        if (await command is { } error) throw new InvalidOperationException(error.Message);
    }

    /// <summary>"handed-over gateway-texts unix-ms": campaign rows handed to the SMS outbox, texts its gateway took, and when.</summary>
    private static async Task<string> CountsAsync(PolicyAssistantDbContext db)
    {
        var handedOver = await HandedOverAsync(db);
        var texts = await db.Set<OutboxGatewayEntry>().CountAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{handedOver} {texts} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
    }
}
