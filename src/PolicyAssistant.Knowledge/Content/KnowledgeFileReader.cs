using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Content;

/// <summary>
/// Reads content/knowledge/*.md: a front matter of <c>key: value</c> lines (lists inline as
/// <c>[a, b]</c> or as <c>- item</c> lines) between <c>---</c> fences, then the summary paragraph,
/// then the full text. Only the small YAML subset the content uses is accepted, and anything else
/// is reported with its line rather than guessed at.
/// </summary>
public static partial class KnowledgeFileReader
{
    public const string FilePattern = "*.md";

    private const string Fence = "---";
    private static readonly string[] ListKeys = ["questions", "tags", "regions"];
    private static readonly string[] ScalarKeys = ["id", "kind", "title", "track", "effective_from", "effective_to", "source"];

    public static KnowledgeDirectoryResult ReadDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            return new([], [new KnowledgeFileError(path, 0, "找不到知识库目录 (knowledge folder not found)")]);
        }

        var entries = new List<KnowledgeEntry>();
        var errors = new List<KnowledgeFileError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(path, FilePattern).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            string text;
            try
            {
                text = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (IOException exception)
            {
                errors.Add(new KnowledgeFileError(name, 0, $"cannot read the file: {exception.Message}"));
                continue;
            }

            var result = Read(name, text);
            errors.AddRange(result.Errors);
            if (result.Entry is not { } entry)
            {
                continue;
            }

            if (seen.TryGetValue(entry.Id, out var first))
            {
                errors.Add(new KnowledgeFileError(name, 0, $"id '{entry.Id}' is already used by {first}"));
                continue;
            }

            seen.Add(entry.Id, name);
            entries.Add(entry);
        }

        return new(entries, errors);
    }

    public static KnowledgeFileResult Read(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<KnowledgeFileError>();
        void Error(int line, string message) => errors.Add(new KnowledgeFileError(fileName, line, message));

        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != Fence)
        {
            Error(1, "the file must start with a '---' line opening the front matter");
            return new(null, errors);
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == Fence);
        if (close < 0)
        {
            Error(1, "the front matter opened here is never closed by a '---' line");
            return new(null, errors);
        }

        var fields = ReadFrontMatter(lines, close, Error);
        var entry = new KnowledgeEntry { ContentHash = Hash(text) };

        entry.Id = Required(fields, "id", Error) ?? "";
        if (entry.Id.Length > 0 && !SlugPattern().IsMatch(entry.Id))
        {
            Error(fields["id"].Line, $"id '{entry.Id}' must be a slug: lower-case letters, digits and '-'");
        }

        entry.Title = Required(fields, "title", Error) ?? "";
        entry.Kind = Required(fields, "kind", Error) switch
        {
            null => EntryKind.Policy,
            "policy" => EntryKind.Policy,
            "smalltalk" => EntryKind.SmallTalk,
            var other => Invalid(fields["kind"].Line, $"kind '{other}' must be 'policy' or 'smalltalk'", EntryKind.Policy, Error),
        };

        entry.Source = Scalar(fields, "source") ?? "";
        if (entry.Kind == EntryKind.Policy && entry.Source.Length == 0)
        {
            Error(fields.TryGetValue("source", out var s) ? s.Line : 1, "a policy entry needs a source: the document it is based on");
        }

        if (Scalar(fields, "track") is { } track)
        {
            entry.Track = Enum.TryParse<Track>(track, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : Invalid<Track?>(fields["track"].Line, $"track '{track}' must be one of {string.Join(", ", Enum.GetNames<Track>())}", null, Error);
        }

        entry.EffectiveFrom = Date(fields, "effective_from", Error);
        entry.EffectiveTo = Date(fields, "effective_to", Error);
        if (entry.EffectiveFrom > entry.EffectiveTo)
        {
            Error(fields["effective_to"].Line, "effective_to is before effective_from");
        }

        entry.Questions = List(fields, "questions");
        entry.Tags = List(fields, "tags");
        entry.Regions = List(fields, "regions") is { Count: > 0 } regions ? regions : [KnowledgeEntry.AllRegions];

        var (summary, body) = SplitText(lines.AsSpan(close + 1));
        if (summary.Length == 0)
        {
            Error(close + 1, "the summary paragraph after the front matter is missing");
        }

        entry.Summary = summary;
        entry.Body = body;
        return errors.Count == 0 ? new(entry, errors) : new(null, errors);
    }

    private sealed record Field(int Line, string? Value, List<string>? Items);

    private static Dictionary<string, Field> ReadFrontMatter(string[] lines, int close, Action<int, string> error)
    {
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        List<string>? openList = null;
        for (var i = 1; i < close; i++)
        {
            var lineNumber = i + 1;
            var line = StripComment(lines[i]);
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.TrimStart().StartsWith('-'))
            {
                if (openList is null)
                {
                    error(lineNumber, "a '- ' list item must follow a list key such as 'questions:'");
                }
                else
                {
                    openList.Add(Unquote(line.TrimStart()[1..].Trim()));
                }

                continue;
            }

            openList = null;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                error(lineNumber, $"expected 'key: value', found '{line.Trim()}'");
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!ListKeys.Contains(key) && !ScalarKeys.Contains(key))
            {
                error(lineNumber, $"unknown key '{key}'");
                continue;
            }

            if (fields.ContainsKey(key))
            {
                error(lineNumber, $"key '{key}' is given twice");
                continue;
            }

            if (ListKeys.Contains(key))
            {
                var items = new List<string>();
                if (value.Length == 0)
                {
                    openList = items;
                }
                else if (value.StartsWith('[') && value.EndsWith(']'))
                {
                    items.AddRange(value[1..^1].Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote));
                }
                else
                {
                    error(lineNumber, $"'{key}' takes a list: '[a, b]' or '- ' lines below it");
                    continue;
                }

                fields[key] = new Field(lineNumber, null, items);
            }
            else
            {
                fields[key] = new Field(lineNumber, Unquote(value), null);
            }
        }

        return fields;
    }

    // A '#' starts a comment only after white space, so '#' inside a value survives.
    private static string StripComment(string line)
    {
        var match = CommentPattern().Match(line);
        return match.Success ? line[..match.Index] : line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1]
            : value;

    private static string? Scalar(Dictionary<string, Field> fields, string key) =>
        fields.TryGetValue(key, out var field) && !string.IsNullOrWhiteSpace(field.Value) ? field.Value : null;

    private static string? Required(Dictionary<string, Field> fields, string key, Action<int, string> error)
    {
        var value = Scalar(fields, key);
        if (value is null)
        {
            error(fields.TryGetValue(key, out var field) ? field.Line : 1, $"'{key}' is required");
        }

        return value;
    }

    private static List<string> List(Dictionary<string, Field> fields, string key) =>
        fields.TryGetValue(key, out var field) && field.Items is { } items ? items.Where(i => i.Length > 0).ToList() : [];

    private static DateOnly? Date(Dictionary<string, Field> fields, string key, Action<int, string> error)
    {
        if (Scalar(fields, key) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(fields[key].Line, $"{key} '{value}' must be a date written yyyy-MM-dd");
        return null;
    }

    private static T Invalid<T>(int line, string message, T fallback, Action<int, string> error)
    {
        error(line, message);
        return fallback;
    }

    // The summary is the first paragraph; its lines join without spaces, as Chinese text does.
    private static (string Summary, string Body) SplitText(ReadOnlySpan<string> lines)
    {
        var start = 0;
        while (start < lines.Length && lines[start].Trim().Length == 0)
        {
            start++;
        }

        var end = start;
        while (end < lines.Length && lines[end].Trim().Length > 0)
        {
            end++;
        }

        var summary = string.Concat(lines[start..end].ToArray().Select(l => l.Trim()));
        var body = string.Join('\n', lines[end..].ToArray()).Trim();
        return (summary, body);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\s#")]
    private static partial Regex CommentPattern();
}
