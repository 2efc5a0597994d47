using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Quality;

/// <summary>One line of ../shared/qa-dev/questions.jsonl.</summary>
public sealed record DevQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("q")] string Text,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("script")] string Script,
    [property: JsonPropertyName("expect_any")] IReadOnlyList<string> ExpectAny,
    [property: JsonPropertyName("expect_all")] IReadOnlyList<string> ExpectAll);

/// <summary>A reply as the scorer sees it: the text and the bot's own confident flag.</summary>
public sealed record DevReply(string Text, bool Confident);

/// <summary>
/// The matching rules of ../shared/qa-dev/score.py, re-implemented so the product and the baseline are scored by the
/// same code in one run: NFKC, Traditional→Simplified with the scorer's own table, lower case, no whitespace,
/// control, format or punctuation characters except %.
/// </summary>
public sealed partial class DevSetScorer
{
    private readonly Dictionary<char, char> _traditionalToSimplified;

    private DevSetScorer(Dictionary<char, char> table) => _traditionalToSimplified = table;

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "qa-dev"));

    public static DevSetScorer Load()
    {
        var table = new Dictionary<char, char>();
        foreach (Match pair in TablePair().Matches(File.ReadAllText(Path.Combine(Folder, "t2s_table.py"))))
        {
            table[pair.Groups[1].Value[0]] = pair.Groups[2].Value[0];
        }

        return new DevSetScorer(table);
    }

    public static IReadOnlyList<DevQuestion> Questions() =>
        File.ReadLines(Path.Combine(Folder, "questions.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<DevQuestion>(line)!)
            .ToList();

    public string Normalize(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var simplified = char.ToLowerInvariant(_traditionalToSimplified.GetValueOrDefault(c, c));
            var category = char.GetUnicodeCategory(simplified);
            var dropped = char.IsWhiteSpace(simplified)
                || category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control or UnicodeCategory.Format
                || IsPunctuation(category) && simplified != '%';
            if (!dropped)
            {
                folded.Append(simplified);
            }
        }

        return folded.ToString();
    }

    /// <summary>score.py's judge: offtopic is right when not confident; the rest need the phrases, and faq a confident reply.</summary>
    public bool IsCorrect(DevQuestion question, DevReply reply)
    {
        if (question.Kind == "offtopic")
        {
            return !reply.Confident;
        }

        var text = Normalize(reply.Text);
        var any = question.ExpectAny.Count == 0 || question.ExpectAny.Any(p => text.Contains(Normalize(p), StringComparison.Ordinal));
        var all = question.ExpectAll.All(p => text.Contains(Normalize(p), StringComparison.Ordinal));
        return text.Length > 0 && any && all && (question.Kind != "faq" || reply.Confident);
    }

    private static bool IsPunctuation(UnicodeCategory category) => category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
        or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    [GeneratedRegex("\"(.)\": \"(.)\"")]
    private static partial Regex TablePair();
}
