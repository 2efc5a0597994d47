using System.Globalization;
using System.Runtime.CompilerServices;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Staff;

/// <summary>Which part of the audit trail to show: whose actions, about which household, between which China dates (both included).</summary>
public sealed record AuditFilter(int? StaffUserId = null, int? HouseholdId = null, DateOnly? From = null, DateOnly? To = null)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    internal DateTime? FromUtc => From?.ToDateTime(TimeOnly.MinValue) - ChinaOffset;

    internal DateTime? BeforeUtc => To?.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaOffset;
}

/// <summary>One line of the audit page: when (UTC), who (a name, or the channel of a bot user), what, and about which household.</summary>
public sealed record AuditRow(DateTime OccurredAtUtc, string Actor, string Action, int? HouseholdId, string? Detail);

/// <summary>
/// Who read or changed what: the household audit trail and the staff-account trail, newest first, as one list.
/// The two tables are read in time order and merged, so a page or an export never holds more than it shows.
/// </summary>
public sealed class GetAuditTrailQuery(IDbContextFactory<PolicyAssistantDbContext> dbFactory)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<AuditRow>> PageAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, 1000);
        var rows = new List<AuditRow>(PageSize);
        await foreach (var row in StreamAsync(filter, page * PageSize, cancellationToken))
        {
            rows.Add(row);
        }

        return rows.Skip((page - 1) * PageSize).ToList();
    }

    public IAsyncEnumerable<AuditRow> StreamAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        StreamAsync(filter, int.MaxValue, cancellationToken);

    private async IAsyncEnumerable<AuditRow> StreamAsync(AuditFilter filter, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Two contexts: each table is read by an open reader of its own while the two are merged.
        await using var householdDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var accountDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await householdDb.Set<StaffUser>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        await using var households = HouseholdEntries(householdDb, filter).Take(limit).AsAsyncEnumerable()
            .Select(e => new AuditRow(e.OccurredAt, AuditNames.Actor(e.Actor, names), AuditNames.Of(e.Action), e.HouseholdId, e.MemberId is { } member ? $"成员 {member}" : null))
            .GetAsyncEnumerator(cancellationToken);
        var accountRows = filter.HouseholdId is null
            ? AccountEntries(accountDb, filter).Take(limit).AsAsyncEnumerable()
                .Select(e => new AuditRow(e.OccurredAt, e.ActorStaffId is { } id ? AuditNames.Staff(id, names) : "系统", AuditNames.Of(e.Action), null, e.Detail))
            : AsyncEnumerable.Empty<AuditRow>();
        await using var accounts = accountRows.GetAsyncEnumerator(cancellationToken);

        var hasHousehold = await households.MoveNextAsync();
        var hasAccount = await accounts.MoveNextAsync();
        for (var count = 0; count < limit && (hasHousehold || hasAccount); count++)
        {
            if (hasHousehold && (!hasAccount || households.Current.OccurredAtUtc >= accounts.Current.OccurredAtUtc))
            {
                yield return households.Current;
                hasHousehold = await households.MoveNextAsync();
            }
            else
            {
                yield return accounts.Current;
                hasAccount = await accounts.MoveNextAsync();
            }
        }
    }

    private static IQueryable<HouseholdAuditEntry> HouseholdEntries(PolicyAssistantDbContext db, AuditFilter filter)
    {
        var entries = db.Set<HouseholdAuditEntry>().AsNoTracking();
        if (filter.StaffUserId is { } staff)
        {
            var actor = Households.Audit.RecordHouseholdAuditCommand.StaffActor(staff);
            entries = entries.Where(e => e.Actor == actor);
        }

        if (filter.HouseholdId is { } household) entries = entries.Where(e => e.HouseholdId == household);
        if (filter.FromUtc is { } from) entries = entries.Where(e => e.OccurredAt >= from);
        if (filter.BeforeUtc is { } before) entries = entries.Where(e => e.OccurredAt < before);
        return entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }

    private static IQueryable<StaffAccountAuditEntry> AccountEntries(PolicyAssistantDbContext db, AuditFilter filter)
    {
        var entries = db.Set<StaffAccountAuditEntry>().AsNoTracking();
        if (filter.StaffUserId is { } staff) entries = entries.Where(e => e.ActorStaffId == staff);
        if (filter.FromUtc is { } from) entries = entries.Where(e => e.OccurredAt >= from);
        if (filter.BeforeUtc is { } before) entries = entries.Where(e => e.OccurredAt < before);
        return entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }
}

/// <summary>Writes the filtered audit trail as an Excel workbook, and records that it was taken out.</summary>
public sealed class ExportAuditTrailCommand(GetAuditTrailQuery trail, RecordStaffAccountAuditCommand audit)
{
    public async Task ExportAsync(int actorStaffId, AuditFilter filter, Stream destination, CancellationToken cancellationToken)
    {
        var rows = trail.StreamAsync(filter, cancellationToken).Select(r => new AuditSheetRow
        {
            Time = ChineseDates.DateTime(r.OccurredAtUtc),
            Actor = r.Actor,
            Action = r.Action,
            HouseholdId = r.HouseholdId,
            Detail = r.Detail,
        });
        await destination.SaveAsAsync(rows, sheetName: "审计记录", cancellationToken: cancellationToken);
        await audit.RecordAsync(actorStaffId, null, StaffAccountAction.ExportAudit, Describe(filter), cancellationToken);
    }

    private static string Describe(AuditFilter filter)
    {
        List<string> parts = [];
        if (filter.StaffUserId is { } staff) parts.Add($"工作人员 {staff}");
        if (filter.HouseholdId is { } household) parts.Add($"户 {household}");
        if (filter.From is { } from) parts.Add($"自 {ChineseDates.Date(from)}");
        if (filter.To is { } to) parts.Add($"至 {ChineseDates.Date(to)}");
        return parts.Count == 0 ? "全部记录" : string.Join("，", parts);
    }

    public sealed class AuditSheetRow
    {
        [ExcelColumnName("时间")]
        public string Time { get; init; } = "";

        [ExcelColumnName("操作人")]
        public string Actor { get; init; } = "";

        [ExcelColumnName("操作")]
        public string Action { get; init; } = "";

        [ExcelColumnName("户编号")]
        public int? HouseholdId { get; init; }

        [ExcelColumnName("说明")]
        public string? Detail { get; init; }
    }
}

/// <summary>Chinese names for audit actors and actions; an action added later and not yet named here still shows, by its code.</summary>
public static class AuditNames
{
    public static string Actor(string actor, IReadOnlyDictionary<int, string> staffNames)
    {
        var separator = actor.IndexOf(':', StringComparison.Ordinal);
        var channel = separator < 0 ? actor : actor[..separator];
        return channel switch
        {
            "staff" when int.TryParse(actor[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) => Staff(id, staffNames),
            "wechat" => "微信用户",
            "sms" => "短信用户",
            "web" => "网页用户",
            _ => $"其他（{channel}）",
        };
    }

    public static string Staff(int id, IReadOnlyDictionary<int, string> staffNames) =>
        staffNames.TryGetValue(id, out var name) ? name : $"工作人员 {id}";

    public static string Of(HouseholdAuditAction action) => action switch
    {
        HouseholdAuditAction.ViewFamilyDoctor => "查询家庭医生",
        HouseholdAuditAction.ViewCertifications => "查询慢病认定",
        HouseholdAuditAction.ViewSettlements => "查询报销记录",
        HouseholdAuditAction.Estimate => "估算住院费用",
        HouseholdAuditAction.BindingCodeSent => "发送绑定验证码",
        HouseholdAuditAction.BindingCodeRejected => "绑定验证码错误",
        HouseholdAuditAction.Bind => "绑定身份",
        HouseholdAuditAction.Unbind => "解除绑定",
        HouseholdAuditAction.ListHouseholds => "查看贫困户列表",
        HouseholdAuditAction.ViewHousehold => "查看户详情",
        _ => $"其他操作（{action}）",
    };

    public static string Of(StaffAccountAction action) => action switch
    {
        StaffAccountAction.AddStaff => "添加工作人员",
        StaffAccountAction.DisableStaff => "停用账号",
        StaffAccountAction.EnableStaff => "启用账号",
        StaffAccountAction.ResetPassword => "重置密码",
        StaffAccountAction.ChangeAccess => "修改角色和地区",
        StaffAccountAction.ExportAudit => "导出审计记录",
        _ => $"其他操作（{action}）",
    };
}
