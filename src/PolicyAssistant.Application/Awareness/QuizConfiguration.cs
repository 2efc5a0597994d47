using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Domain.Awareness;

namespace PolicyAssistant.Application.Awareness;

public sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> builder)
    {
        builder.ToTable("Quizzes");
        builder.Property(quiz => quiz.Title).HasMaxLength(100);
        builder.HasIndex(quiz => quiz.CampaignId);
        builder.HasMany(quiz => quiz.Questions).WithOne().HasForeignKey(question => question.QuizId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> builder)
    {
        builder.ToTable("QuizQuestions");
        builder.Property(question => question.Text).HasMaxLength(300);
        builder.HasIndex(question => new { question.QuizId, question.Position }).IsUnique();
    }
}

public sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.ToTable("QuizAttempts");

        // One counted attempt per household and quiz, held by the database as well as by the dialog.
        builder.HasIndex(attempt => new { attempt.QuizId, attempt.HouseholdId }).IsUnique();
        builder.HasIndex(attempt => attempt.MemberId);
        builder.HasOne<Quiz>().WithMany().HasForeignKey(attempt => attempt.QuizId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(attempt => attempt.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(attempt => attempt.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
