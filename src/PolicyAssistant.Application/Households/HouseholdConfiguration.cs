using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Households;

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.Property(household => household.Address).HasMaxLength(200);
        builder.HasOne(household => household.Village).WithMany().HasForeignKey(household => household.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(household => household.Members).WithOne(member => member.Household).HasForeignKey(member => member.HouseholdId);
        builder.HasMany(household => household.DoctorContracts).WithOne(contract => contract.Household).HasForeignKey(contract => contract.HouseholdId);
    }
}

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.Property(member => member.Name).HasMaxLength(50);
        builder.Property(member => member.RelationToHead).HasConversion<string>().HasMaxLength(20);
        builder.Property(member => member.Sex).HasConversion<string>().HasMaxLength(10);

        // Lookups (binding a WeChat user by ID number, an SMS sender by phone) go through the keyed hashes.
        builder.Property(member => member.IdNumberHash).HasMaxLength(64);
        builder.HasIndex(member => member.IdNumberHash).IsUnique();
        builder.Property(member => member.IdNumberCiphertext).HasMaxLength(200);
        builder.Property(member => member.IdNumberMasked).HasMaxLength(18);
        builder.Property(member => member.PhoneHash).HasMaxLength(64);
        builder.HasIndex(member => member.PhoneHash);
        builder.Property(member => member.PhoneCiphertext).HasMaxLength(200);
        builder.Property(member => member.PhoneMasked).HasMaxLength(11);

        builder.HasMany(member => member.ChronicCertifications).WithOne(certification => certification.Member).HasForeignKey(certification => certification.MemberId);
        builder.HasMany(member => member.FollowUps).WithOne(followUp => followUp.Member).HasForeignKey(followUp => followUp.MemberId);
        builder.HasMany(member => member.InpatientStays).WithOne(stay => stay.Member).HasForeignKey(stay => stay.MemberId);
    }
}
