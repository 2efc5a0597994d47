using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Staff;

// Identity maps its own entities in IdentityDbContext; these only give its tables snake_case names under staff_.
internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("staff_users");
        builder.Property(u => u.DisplayName).HasMaxLength(64);
        builder.HasMany(u => u.Regions).WithOne().HasForeignKey(r => r.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffRegionConfiguration : IEntityTypeConfiguration<StaffRegion>
{
    public void Configure(EntityTypeBuilder<StaffRegion> builder)
    {
        builder.ToTable("staff_regions");
        builder.HasKey(r => new { r.StaffUserId, r.RegionCode });
        builder.Property(r => r.RegionCode).HasMaxLength(12);
    }
}

internal sealed class StaffAccountAuditEntryConfiguration : IEntityTypeConfiguration<StaffAccountAuditEntry>
{
    public void Configure(EntityTypeBuilder<StaffAccountAuditEntry> builder)
    {
        builder.ToTable("staff_account_audit_entries");
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasIndex(e => e.OccurredAt);
    }
}

internal sealed class StaffIdentityTableNames :
    IEntityTypeConfiguration<IdentityRole<int>>,
    IEntityTypeConfiguration<IdentityUserRole<int>>,
    IEntityTypeConfiguration<IdentityUserClaim<int>>,
    IEntityTypeConfiguration<IdentityUserLogin<int>>,
    IEntityTypeConfiguration<IdentityUserToken<int>>,
    IEntityTypeConfiguration<IdentityRoleClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<int>> builder) => builder.ToTable("staff_roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<int>> builder) => builder.ToTable("staff_user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> builder) => builder.ToTable("staff_user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> builder) => builder.ToTable("staff_user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> builder) => builder.ToTable("staff_user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<int>> builder) => builder.ToTable("staff_role_claims");
}
