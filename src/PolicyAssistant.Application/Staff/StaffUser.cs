using Microsoft.AspNetCore.Identity;

namespace PolicyAssistant.Application.Staff;

/// <summary>
/// A back-office account. Identity keeps the name, password hash, lock-out and security stamp; the role is an
/// Identity role named after a <see cref="PolicyAssistant.Domain.Staff.StaffRole"/>; township operators see only their <see cref="Regions"/>.
/// </summary>
public sealed class StaffUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>Set while the account is disabled: it cannot sign in, and its sessions ended when it was set.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The password was set by an administrator (new account, reset): the owner must choose their own before working.</summary>
    public bool MustChangePassword { get; set; }

    public List<StaffRegion> Regions { get; set; } = [];
}

/// <summary>One region (county, township or village code) a staff member may see; codes nest by prefix.</summary>
public sealed class StaffRegion
{
    public int StaffUserId { get; set; }

    public string RegionCode { get; set; } = "";
}
