using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;

namespace PolicyAssistant.Application.WeChat;

public sealed class WeChatInboundMessageConfiguration : IEntityTypeConfiguration<WeChatInboundMessage>
{
    public void Configure(EntityTypeBuilder<WeChatInboundMessage> builder)
    {
        builder.ToTable("WeChatInboundMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.DedupeKey).HasMaxLength(WeChatInboundMessage.DedupeKeyLength).IsRequired();
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.Property(m => m.UserKeyHash).HasMaxLength(64).IsRequired();
        // Only answers owed to a user are looked up by user, and few are ever owed: indexing just those keeps
        // every other message from writing an index page at a random place in the file.
        builder.HasIndex(m => m.UserKeyHash).HasFilter($"\"State\" = '{nameof(WeChatInboundState.AwaitingNextMessage)}'");
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.ReceivedAt).HasConversion<UtcTimestampConverter>();
        builder.Property(m => m.AnsweredAt).HasConversion<UtcTimestampConverter>();
        builder.Property(m => m.LeaseOwner).HasMaxLength(WeChatInboundMessage.LeaseOwnerLength);
        builder.Property(m => m.SignatureKey).HasMaxLength(WeChatInboundMessage.SignatureKeyLength);
        builder.HasIndex(m => m.SignatureKey).IsUnique();
        builder.Property(m => m.LeaseUntil).HasConversion<UtcTimestampConverter>();
    }
}

public sealed class WeChatAccessTokenConfiguration : IEntityTypeConfiguration<WeChatAccessToken>
{
    public void Configure(EntityTypeBuilder<WeChatAccessToken> builder)
    {
        builder.ToTable("WeChatAccessTokens");
        builder.HasKey(t => t.AppId);
        builder.Property(t => t.AppId).HasMaxLength(64);
        builder.Property(t => t.Token).HasMaxLength(1024);
        builder.Property(t => t.LeaseHolder).HasMaxLength(128);
        builder.Property(t => t.ExpiresAt).HasConversion<UtcTimestampConverter>();
        builder.Property(t => t.ForcedRefreshAt).HasConversion<UtcTimestampConverter>();
        builder.Property(t => t.LeaseUntil).HasConversion<UtcTimestampConverter>();
    }
}

public sealed class WeChatReceiptConfiguration : IEntityTypeConfiguration<WeChatReceipt>
{
    public void Configure(EntityTypeBuilder<WeChatReceipt> builder)
    {
        builder.ToTable("WeChatReceipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.AppId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.MsgId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(256).IsRequired();
        // WeChat retries a report it got no answer to: one row per push.
        builder.HasIndex(r => new { r.AppId, r.Kind, r.MsgId }).IsUnique();
        builder.Property(r => r.ReportedAt).HasConversion<UtcTimestampConverter>();
        builder.Property(r => r.ReceivedAt).HasConversion<UtcTimestampConverter>();
    }
}
