using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

internal sealed class VocabularyDocumentConfiguration : IEntityTypeConfiguration<VocabularyDocument>
{
    public void Configure(EntityTypeBuilder<VocabularyDocument> builder)
    {
        builder.ToTable("vocabulary_documents");
        builder.HasKey(d => d.Name);
        builder.Property(d => d.Name).HasMaxLength(32);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
    }
}
