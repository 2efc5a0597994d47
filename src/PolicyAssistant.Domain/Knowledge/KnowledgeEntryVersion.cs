namespace PolicyAssistant.Domain.Knowledge;

public enum KnowledgeChange
{
    /// <summary>The entry as it was before its first back-office change (imported from content/).</summary>
    Imported,
    Created,
    Edited,
    Published,
    Unpublished,
    RolledBack,
}

/// <summary>The whole entry as one change left it: who, when, what, and the entry itself as JSON.</summary>
public sealed class KnowledgeEntryVersion
{
    public long Id { get; set; }

    public required string EntryId { get; set; }

    /// <summary>1, 2, 3… per entry.</summary>
    public int Number { get; set; }

    public KnowledgeChange Change { get; set; }

    /// <summary>The staff member's id (their NameIdentifier claim); null for a version the import made.</summary>
    public string? StaffId { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>For a rollback, the version it went back to.</summary>
    public int? RestoredNumber { get; set; }

    public required string Snapshot { get; set; }
}

/// <summary>How often the bot answered with an entry, and when it last did.</summary>
public sealed class KnowledgeEntryHits
{
    public required string EntryId { get; set; }

    public long Count { get; set; }

    public DateTimeOffset LastHitAt { get; set; }
}

/// <summary>
/// The one-row counter every knowledge-base change increments, in the same transaction: an instance that
/// loaded revision N and reads N+2 knows another instance changed the knowledge base, in one cheap query.
/// </summary>
public sealed class KnowledgeBaseRevision
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long Number { get; set; }
}
