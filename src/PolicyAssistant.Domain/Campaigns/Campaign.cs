namespace PolicyAssistant.Domain.Campaigns;

/// <summary>政策宣传月: a named campaign over a period, with the messages it sends. A quiz may name it later.</summary>
public sealed class Campaign
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Theme { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int CreatedById { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public List<CampaignMessage> Messages { get; set; } = [];
}
