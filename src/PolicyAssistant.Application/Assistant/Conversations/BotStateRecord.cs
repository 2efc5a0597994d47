using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Assistant.Conversations;

/// <summary>One conversation's or user's state document. It can hold what a household typed mid-dialog.</summary>
public sealed class BotStateRecord
{
    public required string Key { get; set; }

    public required string Json { get; set; }

    public required string ETag { get; set; }

    /// <summary>UTC; a DateTime so that SQLite can filter on it (clearing stale conversations).</summary>
    public DateTime UpdatedAt { get; set; }
}

internal sealed class BotStateRecordConfiguration : IEntityTypeConfiguration<BotStateRecord>
{
    public void Configure(EntityTypeBuilder<BotStateRecord> builder)
    {
        builder.ToTable("BotStates");
        builder.HasKey(record => record.Key);
        builder.Property(record => record.Key).HasMaxLength(512);
        builder.Property(record => record.Json).IsRequired();

        // The UPDATE carries "WHERE ETag = <the one read>": the database itself refuses a stale write.
        builder.Property(record => record.ETag).HasMaxLength(32).IsConcurrencyToken();
    }
}
