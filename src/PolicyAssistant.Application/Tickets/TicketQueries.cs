using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Domain.Tickets;

namespace PolicyAssistant.Application.Tickets;

/// <summary>Who may see a ticket: a bound household's by region (administrators see all), an unbound user's by administrators only.</summary>
public sealed record TicketViewer(StaffScope Scope, bool IsAdministrator)
{
    public bool Sees(SupportTicket ticket) => Sees(ticket.VillageCode);

    public bool Sees(string? villageCode) => IsAdministrator || (villageCode is not null && Scope.Covers(villageCode));
}

public sealed record TicketRow(int Id, string ChannelName, string Who, DateTime OpenedAt, DateTime LastAskedAt, int AskCount, TicketStatus Status, TicketDelivery? Delivery, string? DeliveryNote);

public sealed record TicketLine(TranscriptDirection Direction, string Text, DateTime At);

public sealed record TicketDetail(TicketRow Ticket, string? Answer, DateTime? AnsweredAt, IReadOnlyList<TicketLine> Conversation);

/// <summary>Open and closed counts and the median time from a ticket's opening to its answer, over the tickets a viewer sees.</summary>
public sealed record TicketCounts(int Open, int Closed, TimeSpan? MedianTimeToAnswer);

/// <summary>The tickets staff read. Tickets are few, so the scope is applied to the rows read rather than in SQL.</summary>
public sealed class GetTicketsQuery(PolicyAssistantDbContext db, RecordHouseholdAuditCommand audit)
{
    private const int ConversationLines = 40;

    public async Task<IReadOnlyList<TicketRow>> ListOpenAsync(TicketViewer viewer, CancellationToken cancellationToken)
    {
        var open = await db.Set<SupportTicket>().AsNoTracking()
            .Where(ticket => ticket.Status == TicketStatus.Open)
            .OrderBy(ticket => ticket.OpenedAt)
            .ToListAsync(cancellationToken);
        var visible = open.Where(viewer.Sees).ToList();
        var villages = await VillageNamesAsync(visible, cancellationToken);
        return visible.Select(ticket => Row(ticket, villages)).ToList();
    }

    public async Task<TicketCounts> CountAsync(TicketViewer viewer, CancellationToken cancellationToken)
    {
        var tickets = (await db.Set<SupportTicket>().AsNoTracking()
                .Select(ticket => new { ticket.VillageCode, ticket.Status, ticket.OpenedAt, ticket.AnsweredAt })
                .ToListAsync(cancellationToken))
            .Where(ticket => viewer.Sees(ticket.VillageCode))
            .ToList();
        var waits = tickets
            .Where(ticket => ticket.Status == TicketStatus.Closed && ticket.AnsweredAt is not null)
            .Select(ticket => ticket.AnsweredAt!.Value - ticket.OpenedAt)
            .Order()
            .ToList();
        TimeSpan? median = waits.Count == 0
            ? null
            : waits.Count % 2 == 1 ? waits[waits.Count / 2] : (waits[waits.Count / 2 - 1] + waits[waits.Count / 2]) / 2;
        return new TicketCounts(tickets.Count(t => t.Status == TicketStatus.Open), tickets.Count(t => t.Status == TicketStatus.Closed), median);
    }

    /// <summary>One ticket with the conversation so far; reading a bound household's ticket is audited.</summary>
    public async Task<TicketDetail?> GetAsync(TicketViewer viewer, int id, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<SupportTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null || !viewer.Sees(ticket))
        {
            return null;
        }

        var lines = await db.Set<TranscriptRecord>().AsNoTracking()
            .Where(record => record.ChannelId == ticket.ChannelId && record.ConversationId == ticket.ConversationKey && record.Text != null)
            .OrderByDescending(record => record.Id)
            .Take(ConversationLines)
            .Select(record => new TicketLine(record.Direction, record.Text!, record.Timestamp))
            .ToListAsync(cancellationToken);
        lines.Reverse();
        if (ticket.HouseholdId is not null)
        {
            await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(viewer.Scope.StaffUserId), HouseholdAuditAction.ViewTicket, ticket.HouseholdId, ticket.MemberId, cancellationToken);
        }

        var villages = await VillageNamesAsync([ticket], cancellationToken);
        return new TicketDetail(Row(ticket, villages), ticket.Answer, ticket.AnsweredAt, lines);
    }

    private async Task<Dictionary<string, string>> VillageNamesAsync(IReadOnlyList<SupportTicket> tickets, CancellationToken cancellationToken)
    {
        var codes = tickets.Select(ticket => ticket.VillageCode).OfType<string>().Distinct().ToList();
        if (codes.Count == 0)
        {
            return [];
        }

        var villages = await db.Set<PolicyAssistant.Domain.Regions.Region>().AsNoTracking()
            .Include(region => region.Parent).ThenInclude(region => region!.Parent)
            .Where(region => codes.Contains(region.Code))
            .ToListAsync(cancellationToken);
        return villages.ToDictionary(region => region.Code, region => (region.Parent?.Name ?? "") + region.Name);
    }

    private static TicketRow Row(SupportTicket ticket, Dictionary<string, string> villages) => new(
        ticket.Id,
        ticket.ChannelId switch { WeChat.Inbound.WeChatAdapter.ChannelId => "公众号", Sms.Inbound.SmsAdapter.ChannelId => "短信", _ => "网页问答" },
        ticket.VillageCode is { } code ? $"已绑定 · {villages.GetValueOrDefault(code, "未知村")}" : "未绑定用户",
        ticket.OpenedAt,
        ticket.LastAskedAt,
        ticket.AskCount,
        ticket.Status,
        ticket.Delivery,
        ticket.DeliveryNote);
}
