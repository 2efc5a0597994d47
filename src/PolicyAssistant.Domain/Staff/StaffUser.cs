namespace PolicyAssistant.Domain.Staff;

public enum StaffRole
{
    /// <summary>Manages colleagues, the knowledge base, rosters and every county's policy parameters.</summary>
    Administrator,

    /// <summary>Writes and publishes knowledge-base entries and works the unanswered queue.</summary>
    ContentEditor,

    /// <summary>Plans publicity campaigns and their pushes.</summary>
    CampaignOfficer,

    /// <summary>Keeps the rosters of the regions assigned to them current; sees only those households.</summary>
    TownshipOperator,
}

/// <summary>A back-office account. Access is limited by role and by region.</summary>
public sealed class StaffUser
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public StaffRole Role { get; set; }

    /// <summary>The region this account may see (a county code, say); null means every region.</summary>
    public string? RegionCode { get; set; }

    public int FailedLogins { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }
}
