using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Domain.Awareness;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.Reports;

public sealed record DailyCount(DateOnly Day, int Count);

public sealed record UnansweredCount(string Text, int Count);

/// <summary>
/// The bot's month, over every channel. Not narrowed by region: a channel user is known by a keyed hash only,
/// and most users never bind. Incoming messages count as questions (dialog replies included, so the answered
/// share is an upper bound); tickets are not counted because the product has none yet.
/// </summary>
/// <summary>转人工 tickets: opened and answered in the month, and still open now.</summary>
public sealed record MonthTickets(int Opened, int Answered, int OpenNow);

public sealed record BotFigures(IReadOnlyList<DailyCount> QuestionsPerDay, int Questions, int Unanswered, IReadOnlyList<UnansweredCount> TopUnanswered, MonthTickets Tickets)
{
    public decimal? AnsweredShare => Questions == 0 ? null : AwarenessRate.Share(Math.Max(0, Questions - Unanswered), Questions);
}

/// <summary>知晓率 of the latest quiz opened by the month's end, over the filter's households.</summary>
public sealed record QuizAwareness(int QuizId, string QuizTitle, AwarenessRate Rate);

public sealed record Report(ReportFilter Filter, IReadOnlyList<Figure> Figures, BotFigures Bot, QuizAwareness? Awareness);

public sealed record FigureHouseholdRow(int HouseholdId, string Village, string HeadName, string HeadIdNumber, int Counted, int Met);

/// <summary>The dashboard: the seeds' targets beside the figures computed from the data, and the households behind each.</summary>
public sealed class GetReportQuery(PolicyAssistantDbContext db, RecordHouseholdAuditCommand audit, GetAwarenessReportQuery awareness)
{
    public const int PageSize = 50;
    public const int TopUnansweredCount = 10;

    /// <summary>
    /// Every figure in three passes (people, chronic patients, stays), each counting all its figures' rules at once
    /// (conditional aggregation): a query per count read the same rows a dozen times.
    /// </summary>
    public async Task<Report> GetAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var people = await FigureDefinitions.People(db, filter)
            .Select(p => new { Record = p.RecordOpened ? 1 : 0, Contract = p.Contracted ? 1 : 0 })
            .GroupBy(p => 1)
            .Select(g => new { People = g.Count(), Records = g.Sum(p => p.Record), Contracts = g.Sum(p => p.Contract) })
            .FirstOrDefaultAsync(cancellationToken);
        // The chronic patients apart: their rules are then tested for them only, not for everyone.
        var patients = await FigureDefinitions.People(db, filter).Where(p => p.Certified)
            .Select(p => new { Managed = p.Contracted && p.FollowedUpInYear ? 1 : 0, OnSchedule = p.FollowedUpInMonth ? 1 : 0 })
            .GroupBy(p => 1)
            .Select(g => new { Patients = g.Count(), Managed = g.Sum(p => p.Managed), OnSchedule = g.Sum(p => p.OnSchedule) })
            .FirstOrDefaultAsync(cancellationToken);
        // Amounts summed as doubles: SQLite keeps decimals as text and this host registers no decimal aggregate; a ratio needs no cent.
        var stays = await FigureDefinitions.Stays(db, filter)
            .Select(s => new { InCounty = s.InCounty ? 1 : 0, Bill = s.InCounty ? (double)s.Bill : 0, SelfPay = s.InCounty ? (double)s.SelfPay : 0, WithinTenth = s.SelfPayWithinTenth ? 1 : 0 })
            .GroupBy(s => 1)
            .Select(g => new { Stays = g.Count(), InCounty = g.Sum(s => s.InCounty), Bill = g.Sum(s => s.Bill), SelfPay = g.Sum(s => s.SelfPay), WithinTenth = g.Sum(s => s.WithinTenth) })
            .FirstOrDefaultAsync(cancellationToken);

        var bill = stays?.Bill ?? 0;
        Figure[] figures =
        [
            Figure(FigureKind.HealthRecords, people?.People ?? 0, people?.Records ?? 0),
            Figure(FigureKind.Contracts, people?.People ?? 0, people?.Contracts ?? 0),
            Figure(FigureKind.ChronicManagement, patients?.Patients ?? 0, patients?.Managed ?? 0),
            Figure(FigureKind.FollowUpsOnSchedule, patients?.Patients ?? 0, patients?.OnSchedule ?? 0),
            Figure(FigureKind.InCountyReimbursement, stays?.InCounty ?? 0, stays?.InCounty ?? 0,
                bill > 0 ? Math.Round((decimal)((bill - stays!.SelfPay) / bill), 4, MidpointRounding.AwayFromZero) : null),
            Figure(FigureKind.SafetyNet, stays?.Stays ?? 0, stays?.WithinTenth ?? 0),
        ];
        return new Report(filter, figures, await BotAsync(filter, cancellationToken), await AwarenessAsync(filter, cancellationToken));
    }

    private async Task<QuizAwareness?> AwarenessAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var quiz = await db.Set<Quiz>().AsNoTracking()
            .Where(q => q.OpensOn <= filter.LastDay)
            .OrderByDescending(q => q.OpensOn).ThenByDescending(q => q.Id)
            .Select(q => new { q.Id, q.Title })
            .FirstOrDefaultAsync(cancellationToken);
        return quiz is null ? null : new QuizAwareness(quiz.Id, quiz.Title, await awareness.TotalAsync(filter.Scope, filter.Region, quiz.Id, cancellationToken));
    }

    private static Figure Figure(FigureKind kind, int counted, int met, decimal? value = null)
    {
        var (name, target, targetValue, unit, definition) = FigureDefinitions.Describe(kind);
        return new Figure(kind, name, target, targetValue, unit, counted, met, kind == FigureKind.InCountyReimbursement ? value : AwarenessRate.Share(met, counted), definition);
    }

    /// <summary>
    /// The households behind a figure (only those short of it when <paramref name="shortOnly"/>), in id order;
    /// region-scoped, ID numbers masked, the read audited.
    /// </summary>
    public async Task<IReadOnlyList<FigureHouseholdRow>> HouseholdsAsync(FigureKind kind, ReportFilter filter, bool shortOnly, int page, CancellationToken cancellationToken)
    {
        var rows = FigureDefinitions.Rows(db, kind, filter);
        var ids = await (shortOnly ? rows.Where(row => !row.Met) : rows)
            .Select(row => row.HouseholdId).Distinct().OrderBy(id => id)
            .Skip(Math.Max(page - 1, 0) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var counts = (await rows.Where(row => ids.Contains(row.HouseholdId)).Select(row => new { row.HouseholdId, row.Met }).ToListAsync(cancellationToken))
            .GroupBy(row => row.HouseholdId)
            .ToDictionary(group => group.Key, group => (Counted: group.Count(), Met: group.Count(row => row.Met)));
        var households = await db.Set<Household>().AsNoTracking()
            .Where(h => ids.Contains(h.Id))
            .Select(h => new
            {
                h.Id,
                Village = h.Village!.Name,
                Head = h.Members.Where(m => m.RelationToHead == RelationToHead.Self).Select(m => new { m.Name, m.IdNumberMasked }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(filter.Scope.StaffUserId), HouseholdAuditAction.ListHouseholds, null, null, cancellationToken);
        return households.OrderBy(h => h.Id)
            .Select(h => new FigureHouseholdRow(h.Id, h.Village, h.Head?.Name ?? "（未登记户主）", h.Head?.IdNumberMasked ?? "", counts[h.Id].Counted, counts[h.Id].Met))
            .ToList();
    }

    private async Task<BotFigures> BotAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var from = filter.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = filter.FirstDay.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var perDay = await db.Set<Assistant.Conversations.TranscriptRecord>().AsNoTracking()
            .Where(record => record.Direction == Conversation.Transcripts.TranscriptDirection.Incoming && record.Type == ActivityTypes.Message && record.Timestamp >= from && record.Timestamp < to)
            .GroupBy(record => record.Timestamp.Date)
            .Select(group => new { Day = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken);
        // SQLite cannot compare DateTimeOffset in SQL: the queue of unanswered questions is small, so it is filtered here.
        var unanswered = await db.Set<UnansweredQuestion>().AsNoTracking()
            .Select(question => new { question.Text, question.AskedAt })
            .ToListAsync(cancellationToken);
        var inMonth = unanswered.Where(question => question.AskedAt >= from && question.AskedAt < to).ToList();
        var top = inMonth.GroupBy(question => question.Text)
            .Select(group => new UnansweredCount(group.Key, group.Count()))
            .OrderByDescending(row => row.Count).ThenBy(row => row.Text, StringComparer.Ordinal)
            .Take(TopUnansweredCount)
            .ToList();
        var days = perDay.Select(day => new DailyCount(DateOnly.FromDateTime(day.Day), day.Count)).OrderBy(day => day.Day).ToList();
        var tickets = await db.Set<Tickets.SupportTicket>().AsNoTracking()
            .Select(ticket => new
            {
                Opened = ticket.OpenedAt >= from && ticket.OpenedAt < to ? 1 : 0,
                Answered = ticket.AnsweredAt >= from && ticket.AnsweredAt < to ? 1 : 0,
                Open = ticket.Status == Tickets.TicketStatus.Open ? 1 : 0,
            })
            .GroupBy(ticket => 1)
            .Select(g => new MonthTickets(g.Sum(t => t.Opened), g.Sum(t => t.Answered), g.Sum(t => t.Open)))
            .FirstOrDefaultAsync(cancellationToken);
        var ticketCounts = tickets ?? new MonthTickets(0, 0, 0);
        return new BotFigures(days, days.Sum(day => day.Count), inMonth.Count, top, ticketCounts);
    }
}
