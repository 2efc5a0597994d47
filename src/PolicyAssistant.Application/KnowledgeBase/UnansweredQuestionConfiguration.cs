using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

internal sealed class UnansweredQuestionConfiguration : IEntityTypeConfiguration<UnansweredQuestion>
{
    public void Configure(EntityTypeBuilder<UnansweredQuestion> builder)
    {
        builder.ToTable("unanswered_questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Text).HasMaxLength(2000);
        builder.Property(q => q.ChannelId).HasMaxLength(16);
        builder.Property(q => q.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.BestGuessEntryId).HasMaxLength(64);
        builder.Property(q => q.ResolvedEntryId).HasMaxLength(64);
        builder.Property(q => q.GroupKey).HasMaxLength(200);
        builder.HasIndex(q => new { q.Status, q.Id });
        builder.HasIndex(q => new { q.Status, q.GroupKey });
    }
}
