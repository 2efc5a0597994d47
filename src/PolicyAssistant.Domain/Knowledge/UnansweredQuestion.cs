namespace PolicyAssistant.Domain.Knowledge;

public enum UnansweredReason
{
    /// <summary>The best entry was below the confidence threshold; the user was offered a menu.</summary>
    LowConfidence,

    /// <summary>The question was outside what the knowledge base covers.</summary>
    OutOfScope,
}

public enum UnansweredStatus
{
    Open,

    /// <summary>An administrator pointed it at an entry (or wrote one), usually adding the wording as a question variant.</summary>
    Resolved,

    Dismissed,
}

/// <summary>A question the bot could not answer with confidence, queued for the back office.</summary>
public sealed class UnansweredQuestion
{
    public long Id { get; set; }

    public required string Text { get; set; }

    /// <summary>What similar questions share (see <c>UnansweredGroupKey</c>); questions with the same key are handled together.</summary>
    public string? GroupKey { get; set; }

    public required string ChannelId { get; set; }

    public UnansweredReason Reason { get; set; }

    public string? BestGuessEntryId { get; set; }

    public double Confidence { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    public UnansweredStatus Status { get; set; }

    public string? ResolvedEntryId { get; set; }
}
