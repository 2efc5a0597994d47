using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Households.FamilyDoctor;

// The sibling folder Households/FamilyDoctor is also a namespace named FamilyDoctor.
using FamilyDoctor = PolicyAssistant.Domain.Households.FamilyDoctor;

public sealed class DoctorTeamConfiguration : IEntityTypeConfiguration<DoctorTeam>
{
    public void Configure(EntityTypeBuilder<DoctorTeam> builder)
    {
        builder.ToTable("DoctorTeams");
        builder.Property(team => team.Name).HasMaxLength(100);
        builder.Property(team => team.Institution).HasMaxLength(100);
        builder.Property(team => team.InstitutionKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(team => team.Phone).HasMaxLength(20);
        builder.HasOne(team => team.Township).WithMany().HasForeignKey(team => team.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(team => team.FamilyDoctors).WithOne(doctor => doctor.DoctorTeam).HasForeignKey(doctor => doctor.DoctorTeamId);
    }
}

public sealed class FamilyDoctorConfiguration : IEntityTypeConfiguration<FamilyDoctor>
{
    public void Configure(EntityTypeBuilder<FamilyDoctor> builder)
    {
        builder.ToTable("FamilyDoctors");
        builder.Property(doctor => doctor.Name).HasMaxLength(50);
        builder.Property(doctor => doctor.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(doctor => doctor.Phone).HasMaxLength(20);
    }
}

public sealed class DoctorContractConfiguration : IEntityTypeConfiguration<DoctorContract>
{
    public void Configure(EntityTypeBuilder<DoctorContract> builder)
    {
        builder.ToTable("DoctorContracts");
        builder.Property(contract => contract.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(contract => contract.Status);

        // Flags are stored by name (“BasicMedicalCare, PublicHealth”) like every other enum.
        builder.Property(contract => contract.Services).HasConversion<string>().HasMaxLength(200);
        builder.Property(contract => contract.TerminationReason).HasMaxLength(200);
        builder.HasOne(contract => contract.Member).WithMany().HasForeignKey(contract => contract.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(contract => contract.DoctorTeam).WithMany().HasForeignKey(contract => contract.DoctorTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
