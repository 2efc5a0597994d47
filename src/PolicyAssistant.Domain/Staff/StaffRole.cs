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

public static class StaffRoleNames
{
    public static string Chinese(StaffRole role) => role switch
    {
        StaffRole.Administrator => "系统管理员",
        StaffRole.ContentEditor => "内容编辑",
        StaffRole.CampaignOfficer => "宣传专员",
        StaffRole.TownshipOperator => "乡镇专干",
        _ => role.ToString(),
    };
}
