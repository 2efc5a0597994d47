using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Households;

public sealed class ChronicCertificationConfiguration : IEntityTypeConfiguration<ChronicCertification>
{
    public void Configure(EntityTypeBuilder<ChronicCertification> builder)
    {
        builder.ToTable("ChronicCertifications");
        builder.Property(certification => certification.Disease).HasConversion<string>().HasMaxLength(50);
        builder.Property(certification => certification.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(certification => certification.Status);
        builder.Property(certification => certification.Institution).HasMaxLength(100);
        builder.Property(certification => certification.RejectionReason).HasMaxLength(200);
        builder.Property(certification => certification.NextStep).HasMaxLength(200);
    }
}

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("FollowUps");
        builder.Property(followUp => followUp.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(followUp => followUp.Findings).HasMaxLength(500);
        builder.HasIndex(followUp => new { followUp.MemberId, followUp.Date });
        builder.HasOne(followUp => followUp.DoctorTeam).WithMany().HasForeignKey(followUp => followUp.DoctorTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(followUp => followUp.FamilyDoctor).WithMany().HasForeignKey(followUp => followUp.FamilyDoctorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class InpatientStayConfiguration : IEntityTypeConfiguration<InpatientStay>
{
    public void Configure(EntityTypeBuilder<InpatientStay> builder)
    {
        builder.ToTable("InpatientStays");
        builder.Property(stay => stay.HospitalName).HasMaxLength(100);
        builder.Property(stay => stay.HospitalLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(stay => stay.Diagnosis).HasMaxLength(100);
        builder.Property(stay => stay.Exclusion).HasConversion<string>().HasMaxLength(40);
        builder.ComplexProperty(stay => stay.Settlement, settlement =>
        {
            settlement.Property(s => s.TotalBill).HasPrecision(12, 2);
            settlement.Property(s => s.CoveredCost).HasPrecision(12, 2);
            settlement.Property(s => s.BasicInsurance).HasPrecision(12, 2);
            settlement.Property(s => s.CriticalIllnessInsurance).HasPrecision(12, 2);
            settlement.Property(s => s.SupplementaryInsurance).HasPrecision(12, 2);
            settlement.Property(s => s.MedicalAssistance).HasPrecision(12, 2);
            settlement.Property(s => s.SafetyNet).HasPrecision(12, 2);
            settlement.Property(s => s.TownshipHealthCenterShare).HasPrecision(12, 2);
            settlement.Property(s => s.CountyFinanceShare).HasPrecision(12, 2);
            settlement.Property(s => s.SelfPay).HasPrecision(12, 2);
        });
    }
}
