using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

internal sealed class KnowledgeEntryVersionConfiguration : IEntityTypeConfiguration<KnowledgeEntryVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntryVersion> builder)
    {
        builder.ToTable("knowledge_entry_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.EntryId).HasMaxLength(100);
        builder.Property(v => v.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.StaffId).HasMaxLength(64);
        builder.Property(v => v.SavedAt).HasConversion<UtcTimestampConverter>();
        builder.HasIndex(v => new { v.EntryId, v.Number }).IsUnique();
    }
}

internal sealed class KnowledgeEntryHitsConfiguration : IEntityTypeConfiguration<KnowledgeEntryHits>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntryHits> builder)
    {
        builder.ToTable("knowledge_entry_hits");
        builder.HasKey(h => h.EntryId);
        builder.Property(h => h.EntryId).HasMaxLength(100);
        // Milliseconds, so the list can sort by it on SQLite too.
        builder.Property(h => h.LastHitAt).HasConversion<UtcTimestampConverter>();
    }
}

internal sealed class KnowledgeBaseRevisionConfiguration : IEntityTypeConfiguration<KnowledgeBaseRevision>
{
    public void Configure(EntityTypeBuilder<KnowledgeBaseRevision> builder)
    {
        builder.ToTable("knowledge_base_revision");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // The row exists from the migration on, so every change only has to increment it.
        builder.HasData(new KnowledgeBaseRevision { Id = KnowledgeBaseRevision.SingleId, Number = 0 });
    }
}
