using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Sms.Outbox;

public sealed class SmsOutboundMessageConfiguration : IEntityTypeConfiguration<SmsOutboundMessage>
{
    public void Configure(EntityTypeBuilder<SmsOutboundMessage> builder)
    {
        builder.ToTable("SmsOutboundMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.OutId).HasMaxLength(SmsModelBuilding.OutIdLength);
        builder.HasIndex(m => m.OutId).IsUnique();
        builder.Property(m => m.PhoneNumber).HasMaxLength(SmsModelBuilding.PhoneLength);
        builder.Property(m => m.Kind).IsText();
        // Status and lease guard every write: a dispatcher whose claim lapsed, or a receipt racing a send, loses instead of overwriting.
        builder.Property(m => m.Status).IsText().IsConcurrencyToken();
        builder.Property(m => m.LeaseUntil).IsConcurrencyToken();
        builder.Property(m => m.SignName).HasMaxLength(64);
        builder.Property(m => m.TemplateCode).HasMaxLength(SmsModelBuilding.CodeLength);
        builder.Property(m => m.BatchOutId).HasMaxLength(SmsModelBuilding.OutIdLength);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(SmsModelBuilding.OutIdLength);
        builder.Property(m => m.ErrorCode).HasMaxLength(SmsModelBuilding.CodeLength);
        builder.Property(m => m.ErrorMessage).HasMaxLength(500);
        builder.Property(m => m.NextAttemptAt).IsUtc();
        builder.Property(m => m.LeaseUntil).IsUtc();
        builder.Property(m => m.LastAttemptAt).IsUtc();
        builder.Property(m => m.CreatedAt).IsUtc();
        builder.Property(m => m.AcceptedAt).IsUtc();
        builder.Property(m => m.DeliveredAt).IsUtc();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.ProviderMessageId);
        builder.HasIndex(m => m.BatchOutId);
        builder.HasIndex(m => new { m.PhoneNumber, m.Kind, m.CreatedAt });
    }
}
