namespace PolicyAssistant.Application.Staff;

/// <summary>What an administrator did to a colleague's account, or what was taken out of the audit trail.</summary>
public enum StaffAccountAction
{
    AddStaff,
    DisableStaff,
    EnableStaff,
    ResetPassword,
    ChangeAccess,
    ExportAudit,
}

/// <summary>One change to staff accounts (or export of the audit trail), beside the household audit trail.</summary>
public sealed class StaffAccountAuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC, as the household audit trail.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Null for the system itself (the first administrator, created at start-up).</summary>
    public int? ActorStaffId { get; set; }

    public int? SubjectStaffId { get; set; }

    public StaffAccountAction Action { get; set; }

    /// <summary>What changed, in Chinese for the audit page (a role and region names; never a password).</summary>
    public string? Detail { get; set; }
}
