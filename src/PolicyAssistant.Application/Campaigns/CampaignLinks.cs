using System.Security.Cryptography;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>What a household sees on opening its link: the message's title and its lines.</summary>
public sealed record CampaignLinkMessage(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// Each recipient of a template message or of a customer-service text gets a link of their own, /r/{token}: WeChat
/// reports delivery at best and never reading, so opening the link is the one sign of it that can really be known.
/// 96 random bits: not to be guessed or counted up.
/// </summary>
public static class CampaignLinks
{
    public const int TokenLength = 16;

    /// <summary>Put before the link at the end of a text, so the household knows what it opens.</summary>
    public const string TextLabel = "查看详情：";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');

    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static Uri LinkOf(Uri publicBaseUrl, string token) => new(publicBaseUrl, $"r/{token}");
}

/// <summary>A household opens its link: a sent or delivered row becomes read (once; later opens change nothing), and the message is shown.</summary>
public sealed class OpenCampaignLinkCommand(PolicyAssistantDbContext db)
{
    /// <summary>The message to show; null when no recipient has this token.</summary>
    public async Task<CampaignLinkMessage?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (!CampaignLinks.IsWellFormed(token))
        {
            return null;
        }

        var row = await db.Set<CampaignRecipient>().AsNoTracking().Where(r => r.ReadToken == token).Select(r => new { r.Id, r.MessageId }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        await db.Set<CampaignRecipient>().Where(r => r.Id == row.Id && (r.Status == RecipientStatus.Sent || r.Status == RecipientStatus.Delivered))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Read), cancellationToken);
        var message = await db.Set<CampaignMessage>().AsNoTracking().FirstAsync(m => m.Id == row.MessageId, cancellationToken);
        var body = CampaignSender.Personalise(message.Body, null);
        var lines = message.WeChatKind == WeChatMessageKind.Template
            ? WeChatLimits.TemplateFields(body).Values.ToList()
            : body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new CampaignLinkMessage(message.Title, lines);
    }
}
