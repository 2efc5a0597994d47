using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Households;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.Property(region => region.Code).HasMaxLength(12);
        builder.HasIndex(region => region.Code).IsUnique();
        builder.Property(region => region.Name).HasMaxLength(50);
        builder.Property(region => region.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(region => region.Parent).WithMany().HasForeignKey(region => region.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
