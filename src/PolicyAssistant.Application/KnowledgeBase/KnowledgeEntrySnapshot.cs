using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>An entry as a version keeps it (JSON), and as staff compare two versions (labelled Chinese text).</summary>
public static class KnowledgeEntrySnapshot
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(KnowledgeEntry entry) => JsonSerializer.Serialize(entry, Json);

    public static KnowledgeEntry FromJson(string json) =>
        JsonSerializer.Deserialize<KnowledgeEntry>(json, Json) ?? throw new InvalidDataException("Empty knowledge entry snapshot.");

    /// <summary>A copy no context tracks, for the index to keep.</summary>
    public static KnowledgeEntry Copy(KnowledgeEntry entry) => FromJson(ToJson(entry));

    /// <summary>2018年7月20日, as staff read dates.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>One labelled line per field (the body line by line), so a line diff reads as "which field changed how".</summary>
    /// <param name="regionName">The name of a region code, as the back office shows it.</param>
    public static string ToText(KnowledgeEntry entry, Func<string, string> regionName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(regionName);
        var text = new StringBuilder();
        text.AppendLine($"标题：{entry.Title}");
        text.AppendLine($"状态：{(entry.Draft ? "草稿" : "已发布")}");
        text.AppendLine($"简短回答：{entry.Summary}");
        foreach (var question in entry.Questions)
        {
            text.AppendLine($"问法：{question}");
        }

        text.AppendLine($"标签：{string.Join("、", entry.Tags)}");
        text.AppendLine($"适用地区：{string.Join("、", entry.Regions.Select(regionName))}");
        text.AppendLine($"生效日期：{(entry.EffectiveFrom is { } from ? Day(from) : "未填")}");
        text.AppendLine($"失效日期：{(entry.EffectiveTo is { } to ? Day(to) : "一直有效")}");
        text.AppendLine($"政策依据：{entry.Source}");
        foreach (var line in entry.Body.Split('\n'))
        {
            text.AppendLine($"全文｜{line.TrimEnd('\r')}");
        }

        return text.ToString();
    }
}
