using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Application.Assistant.Conversations;

/// <summary>
/// One activity of a conversation. <see cref="Text"/> of incoming messages is what a household wrote:
/// personal data, read by the back office's unanswered questions and audits, never logged.
/// </summary>
public sealed class TranscriptRecord
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public TranscriptDirection Direction { get; set; }

    public required string Type { get; set; }

    public string? Text { get; set; }

    public string? ActivityId { get; set; }

    /// <summary>
    /// UTC. A DateTime rather than a DateTimeOffset because EF Core's SQLite provider cannot translate
    /// comparisons or ordering on DateTimeOffset, and the back office filters transcripts by date.
    /// </summary>
    public DateTime Timestamp { get; set; }
}

internal sealed class TranscriptRecordConfiguration : IEntityTypeConfiguration<TranscriptRecord>
{
    public void Configure(EntityTypeBuilder<TranscriptRecord> builder)
    {
        builder.ToTable("Transcripts");
        builder.HasKey(record => record.Id);
        builder.Property(record => record.ChannelId).HasMaxLength(32);
        builder.Property(record => record.ConversationId).HasMaxLength(256);
        builder.Property(record => record.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(record => record.Type).HasMaxLength(32);
        builder.Property(record => record.ActivityId).HasMaxLength(128);
        builder.HasIndex(record => new { record.ChannelId, record.ConversationId });
        builder.HasIndex(record => record.Timestamp);
    }
}
