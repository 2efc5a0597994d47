using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Sms.Inbound;

public sealed class SmsOptOutConfiguration : IEntityTypeConfiguration<SmsOptOut>
{
    public void Configure(EntityTypeBuilder<SmsOptOut> builder)
    {
        builder.ToTable("SmsOptOuts");
        builder.HasKey(o => o.PhoneNumber);
        builder.Property(o => o.PhoneNumber).HasMaxLength(SmsModelBuilding.PhoneLength);
        builder.Property(o => o.Keyword).HasMaxLength(16);
        builder.Property(o => o.OptedOutAt).IsUtc();
    }
}
