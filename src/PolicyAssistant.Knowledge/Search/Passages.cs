using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Search;

public enum PassageKind
{
    /// <summary>The entry's summary: the short answer.</summary>
    Summary,

    /// <summary>A paragraph of the full text.</summary>
    Paragraph,

    /// <summary>One item of a list in the full text (a disease, an exclusion, a paper to bring).</summary>
    ListItem,
}

/// <summary>
/// A piece of an entry that can answer on its own: the summary, a paragraph, or a list item with the line that
/// introduces its list (“下面这些情况不兜底：”), since an item alone does not say what it is an item of.
/// </summary>
/// <param name="Index">Its place in the entry, 0 for the summary.</param>
/// <param name="Lead">For a list item, the paragraph just before its list; null otherwise.</param>
public sealed record Passage(int Index, PassageKind Kind, string Text, string? Lead);

/// <summary>Cuts an entry into passages: the summary, then each paragraph and each list item of the body in order.</summary>
public static class Passages
{
    private static readonly string[] ItemMarks = ["- ", "* ", "+ "];

    public static IReadOnlyList<Passage> Of(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var passages = new List<Passage>();
        if (entry.Summary.Trim() is { Length: > 0 } summary)
        {
            passages.Add(new Passage(0, PassageKind.Summary, Plain(summary), null));
        }

        // A list's lead is the paragraph just before it, blank line or not.
        string? lead = null;
        var paragraph = new List<string>();
        foreach (var raw in entry.Body.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            var item = ItemText(line);
            if (item is not null || line.Length == 0)
            {
                lead = Flush(passages, paragraph) ?? lead;
            }

            if (item is not null)
            {
                passages.Add(new Passage(passages.Count, PassageKind.ListItem, Plain(item), lead));
            }
            else if (line.Length > 0)
            {
                paragraph.Add(line);
            }
        }

        Flush(passages, paragraph);
        return passages;
    }

    // A paragraph becomes a passage and, when a list follows, that list's lead.
    private static string? Flush(List<Passage> passages, List<string> paragraph)
    {
        if (paragraph.Count == 0)
        {
            return null;
        }

        var text = Plain(string.Concat(paragraph));
        paragraph.Clear();
        passages.Add(new Passage(passages.Count, PassageKind.Paragraph, text, null));
        return text;
    }

    private static string? ItemText(string line)
    {
        foreach (var mark in ItemMarks)
        {
            if (line.StartsWith(mark, StringComparison.Ordinal))
            {
                return line[mark.Length..].Trim();
            }
        }

        // “1. ” or “1、” numbered items.
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 3 && digits < line.Length && line[digits] is '.' or '、' && digits + 1 < line.Length
            ? line[(digits + 1)..].Trim()
            : null;
    }

    private static string Plain(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();
}
