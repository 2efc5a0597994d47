using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Sms.Inbound;

public sealed class SmsInboundMessageConfiguration : IEntityTypeConfiguration<SmsInboundMessage>
{
    public void Configure(EntityTypeBuilder<SmsInboundMessage> builder)
    {
        builder.ToTable("SmsInboundMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.SequenceId).HasMaxLength(SmsModelBuilding.OutIdLength);
        builder.HasIndex(m => m.SequenceId).IsUnique();
        builder.Property(m => m.PhoneNumber).HasMaxLength(SmsModelBuilding.PhoneLength);
        builder.Property(m => m.SignName).HasMaxLength(64);
        builder.Property(m => m.DestCode).HasMaxLength(32);
        // Status and lease guard every write: a dispatcher whose claim lapsed, or a receipt racing a send, loses instead of overwriting.
        builder.Property(m => m.Status).IsText().IsConcurrencyToken();
        builder.Property(m => m.LeaseUntil).IsConcurrencyToken();
        builder.Property(m => m.Outcome).IsText();
        builder.Property(m => m.Error).HasMaxLength(200);
        builder.Property(m => m.SentAt).IsUtc();
        builder.Property(m => m.ReceivedAt).IsUtc();
        builder.Property(m => m.NextAttemptAt).IsUtc();
        builder.Property(m => m.LeaseUntil).IsUtc();
        builder.Property(m => m.ProcessedAt).IsUtc();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.PhoneNumber, m.ReceivedAt });
    }
}
