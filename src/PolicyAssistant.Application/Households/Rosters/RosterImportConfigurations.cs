using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Households.Rosters;

public sealed class RosterImportJobConfiguration : IEntityTypeConfiguration<RosterImportJob>
{
    public void Configure(EntityTypeBuilder<RosterImportJob> builder)
    {
        builder.ToTable("RosterImportJobs");
        builder.Property(job => job.RegionCodes).HasMaxLength(500);
        builder.Property(job => job.FileName).HasMaxLength(200);
        builder.Property(job => job.StoredPath).HasMaxLength(500);
        builder.Property(job => job.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(job => job.Status);
        builder.Property(job => job.Failure).HasMaxLength(500);
    }
}

public sealed class RosterImportProblemConfiguration : IEntityTypeConfiguration<RosterImportProblem>
{
    public void Configure(EntityTypeBuilder<RosterImportProblem> builder)
    {
        builder.ToTable("RosterImportProblems");
        builder.Property(problem => problem.Sheet).HasMaxLength(20);
        builder.Property(problem => problem.Reason).HasMaxLength(300);
        builder.HasIndex(problem => new { problem.JobId, problem.Sheet, problem.RowNumber });
        builder.HasOne<RosterImportJob>().WithMany().HasForeignKey(problem => problem.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
