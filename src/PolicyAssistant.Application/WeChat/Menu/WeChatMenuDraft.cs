using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyAssistant.Application.WeChat.Menu;

/// <summary>The custom menu as staff last saved it (one row), and when it was last published to WeChat.</summary>
public sealed class WeChatMenuDraft
{
    public const int SingleRowId = 1;

    public int Id { get; set; } = SingleRowId;

    /// <summary>The body menu/create takes.</summary>
    public required string Json { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The JSON that was published, to tell whether the draft has changed since.</summary>
    public string? PublishedJson { get; set; }
}

internal sealed class WeChatMenuDraftConfiguration : IEntityTypeConfiguration<WeChatMenuDraft>
{
    public void Configure(EntityTypeBuilder<WeChatMenuDraft> builder)
    {
        builder.ToTable("WeChatMenuDrafts");
        builder.HasKey(draft => draft.Id);
        builder.Property(draft => draft.Id).ValueGeneratedNever();
        builder.Property(draft => draft.Json).HasMaxLength(16_000);
        builder.Property(draft => draft.PublishedJson).HasMaxLength(16_000);
    }
}
