using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Sms.Gateways;

public sealed class OutboxGatewayEntryConfiguration : IEntityTypeConfiguration<OutboxGatewayEntry>
{
    public void Configure(EntityTypeBuilder<OutboxGatewayEntry> builder)
    {
        builder.ToTable("OutboxGatewayEntries");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.OutId).HasMaxLength(SmsModelBuilding.OutIdLength);
        // A batch call shares one OutId among its numbers, as at the providers.
        builder.HasIndex(m => new { m.OutId, m.PhoneNumber }).IsUnique();
        builder.Property(m => m.PhoneNumber).HasMaxLength(SmsModelBuilding.PhoneLength);
        builder.Property(m => m.Kind).IsText();
        builder.Property(m => m.SignName).HasMaxLength(64);
        builder.Property(m => m.TemplateCode).HasMaxLength(SmsModelBuilding.CodeLength);
        builder.Property(m => m.CreatedAt).IsUtc();
        builder.Property(m => m.DeliveredAt).IsUtc();
        builder.HasIndex(m => new { m.PhoneNumber, m.CreatedAt });
    }
}
