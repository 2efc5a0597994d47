using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Theme).HasMaxLength(200);
        builder.Property(c => c.CreatedAt).IsUtc();
        builder.HasMany(c => c.Messages).WithOne(m => m.Campaign).HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignMessageConfiguration : IEntityTypeConfiguration<CampaignMessage>
{
    public void Configure(EntityTypeBuilder<CampaignMessage> builder)
    {
        builder.ToTable("CampaignMessages");
        builder.Property(m => m.Title).HasMaxLength(100);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.WeChatKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.WeChatMediaOrTemplateId).HasMaxLength(128);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.Status, m.SendAt });
        builder.Property(m => m.ApprovedAt).IsUtc();
        builder.Property(m => m.SendAt).IsUtc();
        builder.Property(m => m.EnqueuedAt).IsUtc();
        builder.ComplexProperty(m => m.Audience, audience =>
        {
            audience.Property(a => a.RegionCodes)
                .HasConversion(
                    codes => string.Join(',', codes),
                    text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                    new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), codes => codes.Aggregate(0, (hash, code) => HashCode.Combine(hash, code.GetHashCode(StringComparison.Ordinal))), codes => codes.ToList()))
                .HasMaxLength(2000)
                .HasColumnName("AudienceRegionCodes");
            audience.Property(a => a.Tags).HasColumnName("AudienceTags");
            audience.Property(a => a.Channels).HasColumnName("AudienceChannels");
        });
        builder.ComplexProperty(m => m.MassSendReported, counts =>
        {
            counts.Property(c => c.TotalCount).HasColumnName("MassSendTotalCount");
            counts.Property(c => c.FilterCount).HasColumnName("MassSendFilterCount");
            counts.Property(c => c.SentCount).HasColumnName("MassSendSentCount");
            counts.Property(c => c.ErrorCount).HasColumnName("MassSendErrorCount");
        });
    }
}

public sealed class CampaignRecipientConfiguration : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> builder)
    {
        // Enums stay integers and times Unix milliseconds: the set-based SQL (enqueue, claim) writes them itself.
        builder.ToTable("CampaignRecipients");
        builder.HasIndex(r => new { r.MessageId, r.MemberId }).IsUnique();
        builder.HasIndex(r => new { r.MessageId, r.Channel, r.Status, r.NextAttemptAt });
        builder.HasIndex(r => r.SendKey);
        // WeChat's receipts name the msg_id / msgid the send returned.
        builder.HasIndex(r => r.ProviderMessageId);
        // A service account's follower gets four mass sends a month: the audience counts each member's this month.
        builder.HasIndex(r => new { r.MemberId, r.SentAt });
        builder.Property(r => r.ClaimedBy).HasMaxLength(64);
        builder.Property(r => r.SendKey).HasMaxLength(64);
        builder.Property(r => r.ProviderMessageId).HasMaxLength(64);
        builder.Property(r => r.Error).HasMaxLength(CampaignRecipient.MaxErrorLength);
        builder.Property(r => r.ReadToken).HasMaxLength(CampaignLinks.TokenLength);
        builder.HasIndex(r => r.ReadToken).IsUnique();
        builder.HasOne<CampaignMessage>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WeChatFollowerConfiguration : IEntityTypeConfiguration<WeChatFollower>
{
    public void Configure(EntityTypeBuilder<WeChatFollower> builder)
    {
        builder.ToTable("WeChatFollowers");
        builder.HasKey(f => f.UserKeyHash);
        builder.Property(f => f.UserKeyHash).HasMaxLength(64);
        builder.Property(f => f.OpenIdCiphertext).HasMaxLength(200);
        builder.Property(f => f.LastMessageAt).IsUtc();
    }
}
