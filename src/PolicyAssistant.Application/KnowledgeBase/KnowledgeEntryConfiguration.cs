using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

public sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> entry)
    {
        entry.ToTable("KnowledgeEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).HasMaxLength(100);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Title).HasMaxLength(200).IsRequired();
        entry.Property(e => e.Summary).IsRequired();
        entry.Property(e => e.Body).IsRequired();
        entry.Property(e => e.Track).HasConversion<string>().HasMaxLength(30);
        entry.Property(e => e.Source).HasMaxLength(500).IsRequired();
        entry.Property(e => e.ContentHash).HasMaxLength(64).IsRequired();
        // PostgreSQL's timestamptz only takes UTC offsets; SQLite keeps the text as given.
        entry.Property(e => e.UpdatedAt).HasConversion(v => v.ToUniversalTime(), v => v);
        StringList(entry.Property(e => e.Questions));
        StringList(entry.Property(e => e.Tags));
        StringList(entry.Property(e => e.Regions));
    }

    // Lists are small and only read whole, so one JSON text column beats a child table, and plain
    // text works the same on SQLite and PostgreSQL. The comparer lets EF see in-place list edits.
    private static void StringList(PropertyBuilder<List<string>> property) => property
        .HasConversion(ListToJson, ListComparer)
        .IsRequired();

    // Chinese kept readable in the column rather than \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly ValueConverter<List<string>, string> ListToJson = new(
        list => JsonSerializer.Serialize(list, Json),
        json => JsonSerializer.Deserialize<List<string>>(json, Json) ?? new List<string>());

    private static readonly ValueComparer<List<string>> ListComparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());
}
