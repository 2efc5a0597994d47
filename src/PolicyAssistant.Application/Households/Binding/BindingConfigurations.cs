using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.Households.Binding;

public sealed class IdentityBindingConfiguration : IEntityTypeConfiguration<IdentityBinding>
{
    public void Configure(EntityTypeBuilder<IdentityBinding> builder)
    {
        builder.ToTable("IdentityBindings");
        builder.Property(binding => binding.ChannelId).HasMaxLength(20);
        builder.Property(binding => binding.UserKeyHash).HasMaxLength(64);

        // One member per channel user; a member may be bound from several phones and accounts.
        builder.HasIndex(binding => new { binding.ChannelId, binding.UserKeyHash }).IsUnique();
        builder.HasIndex(binding => binding.MemberId);
        builder.HasOne(binding => binding.Member).WithMany().HasForeignKey(binding => binding.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BindingChallengeConfiguration : IEntityTypeConfiguration<BindingChallenge>
{
    public void Configure(EntityTypeBuilder<BindingChallenge> builder)
    {
        builder.ToTable("BindingChallenges");
        builder.Property(challenge => challenge.ChannelId).HasMaxLength(20);
        builder.Property(challenge => challenge.UserKeyHash).HasMaxLength(64);
        builder.Property(challenge => challenge.CodeHash).HasMaxLength(64);
        builder.HasIndex(challenge => new { challenge.ChannelId, challenge.UserKeyHash });
        builder.HasOne<Member>().WithMany().HasForeignKey(challenge => challenge.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BindingLockoutConfiguration : IEntityTypeConfiguration<BindingLockout>
{
    public void Configure(EntityTypeBuilder<BindingLockout> builder)
    {
        builder.ToTable("BindingLockouts");
        builder.HasKey(lockout => lockout.Subject);
        builder.Property(lockout => lockout.Subject).HasMaxLength(100);
    }
}

public sealed class BindingAttemptConfiguration : IEntityTypeConfiguration<BindingAttempt>
{
    public void Configure(EntityTypeBuilder<BindingAttempt> builder)
    {
        builder.ToTable("BindingAttempts");
        builder.Property(attempt => attempt.ChannelId).HasMaxLength(20);
        builder.Property(attempt => attempt.UserKeyHash).HasMaxLength(64);
        builder.Property(attempt => attempt.IdNumberHash).HasMaxLength(64);
        builder.Property(attempt => attempt.Kind).HasConversion<string>().HasMaxLength(20);

        // The lookup limits count a user's and an ID number's recent rows; the back office pages through them by time.
        builder.HasIndex(attempt => new { attempt.ChannelId, attempt.UserKeyHash, attempt.OccurredAt });
        builder.HasIndex(attempt => new { attempt.IdNumberHash, attempt.OccurredAt });
        builder.HasIndex(attempt => attempt.OccurredAt);
    }
}

public sealed class HouseholdAuditEntryConfiguration : IEntityTypeConfiguration<HouseholdAuditEntry>
{
    public void Configure(EntityTypeBuilder<HouseholdAuditEntry> builder)
    {
        builder.ToTable("HouseholdAuditEntries");
        builder.Property(entry => entry.Actor).HasMaxLength(100);
        builder.Property(entry => entry.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(entry => entry.Detail).HasMaxLength(500);

        // No foreign keys: the trail must outlive the household and member rows it names.
        builder.HasIndex(entry => new { entry.HouseholdId, entry.OccurredAt });
        builder.HasIndex(entry => entry.OccurredAt);
    }
}
