using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Assistant.Keywords;

public enum KeywordMatch
{
    /// <summary>The whole message is the keyword (spaces, punctuation and Traditional forms aside).</summary>
    Exact,

    /// <summary>The keyword appears anywhere in the message.</summary>
    Contains,
}

/// <summary>
/// An auto-reply staff set up (关键词自动回复): a message matching <see cref="Keyword"/> gets <see cref="ReplyText"/>,
/// or the short answer of knowledge entry <see cref="EntryId"/>. Rules are tried by <see cref="Position"/>; the first match answers.
/// </summary>
public sealed class KeywordRule
{
    public const int MaxKeywordLength = 50;
    public const int MaxReplyLength = 600;

    public int Id { get; set; }

    public required string Keyword { get; set; }

    public KeywordMatch Match { get; set; }

    public string? ReplyText { get; set; }

    public string? EntryId { get; set; }

    public int Position { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}

internal sealed class KeywordRuleConfiguration : IEntityTypeConfiguration<KeywordRule>
{
    public void Configure(EntityTypeBuilder<KeywordRule> builder)
    {
        builder.ToTable("KeywordRules");
        builder.HasKey(rule => rule.Id);
        builder.Property(rule => rule.Keyword).HasMaxLength(KeywordRule.MaxKeywordLength);
        builder.Property(rule => rule.Match).HasConversion<string>().HasMaxLength(16);
        builder.Property(rule => rule.ReplyText).HasMaxLength(KeywordRule.MaxReplyLength);
        builder.Property(rule => rule.EntryId).HasMaxLength(100);
        builder.HasIndex(rule => rule.Position);
    }
}
