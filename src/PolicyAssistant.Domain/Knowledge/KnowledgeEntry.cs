namespace PolicyAssistant.Domain.Knowledge;

/// <summary>
/// One answer of the knowledge base: a policy or a small-talk reply, read from content/knowledge/*.md
/// and editable in the back office. Mutable so EF Core and the back-office form can work on it.
/// </summary>
public sealed class KnowledgeEntry
{
    /// <summary>The region value that makes an entry apply everywhere.</summary>
    public const string AllRegions = "all";

    /// <summary>The slug, e.g. <c>safety-net</c> (the content file's name), or an id generated for an entry created in the back office.</summary>
    public string Id { get; set; } = "";

    public EntryKind Kind { get; set; } = EntryKind.Policy;

    public string Title { get; set; } = "";

    /// <summary>The short answer (the first paragraph after the front matter).</summary>
    public string Summary { get; set; } = "";

    /// <summary>The full text in Markdown, after the summary.</summary>
    public string Body { get; set; } = "";

    /// <summary>Ways households ask for this entry; searched with the highest weight.</summary>
    public List<string> Questions { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public Track? Track { get; set; }

    /// <summary>County codes the entry applies to, or <see cref="AllRegions"/>.</summary>
    public List<string> Regions { get; set; } = [AllRegions];

    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Last day in force; null while the policy is in force.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The document the entry is based on, shown as "依据".</summary>
    public string Source { get; set; } = "";

    /// <summary>Hash of the content file's text, so a re-import can tell what changed.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>True once staff changed the entry in the back office: a re-import must not overwrite it.</summary>
    public bool EditedInBackOffice { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// True while the entry is a draft: kept and edited in the back office but never answered by the bot.
    /// Stored as "draft" rather than "published" so that entries from before drafts existed stay answered.
    /// </summary>
    public bool Draft { get; set; }

    public bool IsInForce(DateOnly today) =>
        (EffectiveFrom is not { } from || from <= today) && (EffectiveTo is not { } to || today <= to);

    /// <summary>
    /// True when the entry applies everywhere or to the given region: a county code, or a
    /// township or village code below it (administrative codes share the county's prefix).
    /// With no region known (<paramref name="regionCode"/> null) every entry applies.
    /// </summary>
    public bool AppliesTo(string? regionCode) =>
        string.IsNullOrWhiteSpace(regionCode)
        || AppliesEverywhere()
        || Regions.Any(r => r.Length > 0 && regionCode.StartsWith(r, StringComparison.Ordinal));

    /// <summary>True when no region is given or one of them is <see cref="AllRegions"/>.</summary>
    public bool AppliesEverywhere() =>
        Regions.Count == 0 || Regions.Any(r => string.Equals(r, AllRegions, StringComparison.OrdinalIgnoreCase));
}
