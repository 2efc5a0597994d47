using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Sms.Inbound;

public sealed class SmsContinuationConfiguration : IEntityTypeConfiguration<SmsContinuation>
{
    public void Configure(EntityTypeBuilder<SmsContinuation> builder)
    {
        builder.ToTable("SmsContinuations");
        builder.HasKey(c => c.PhoneNumber);
        builder.Property(c => c.PhoneNumber).HasMaxLength(SmsModelBuilding.PhoneLength);
        builder.Property(c => c.CreatedAt).IsUtc();
    }
}
