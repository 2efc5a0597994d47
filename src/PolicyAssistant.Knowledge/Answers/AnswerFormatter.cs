using System.Text;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>Turns entries into the text a household reads on a phone screen.</summary>
public static class AnswerFormatter
{
    /// <summary>A short answer fits one phone screen (and two SMS segments' worth of Chinese).</summary>
    public const int MaxShortAnswerLength = 300;

    private const int MaxSourceLength = 120;
    private const string Ellipsis = "…";
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';'];

    /// <summary>The summary and, for a policy, "（依据：source）", at most <see cref="MaxShortAnswerLength"/> chars.</summary>
    public static string ShortAnswer(KnowledgeEntry entry) => ShortAnswer(entry, MaxShortAnswerLength);

    private static string ShortAnswer(KnowledgeEntry entry, int length)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var basis = SourceLine(entry);
        return Trim(entry.Summary.Trim(), length - basis.Length) + basis;
    }

    /// <summary>
    /// The passage that holds what was asked, a yes or no first when the question asks whether a listed item is
    /// covered, then the summary's first sentence for context and the source; the summary alone when the best
    /// passage is the summary.
    /// </summary>
    public static string PassageAnswer(KnowledgeEntry entry, Passage? passage, string foldedQuestion, IReadOnlyList<string> questionTerms) =>
        PassageAnswer(entry, passage, foldedQuestion, questionTerms, MaxShortAnswerLength);

    /// <summary>
    /// Two entries, one of which answers (a rule and one county's version of it, two sides of one policy): each
    /// under its title with the passage that answers it, numbered for "回复 1 或 2 查看全文". Together they fit one
    /// answer's room and a half, so the reply still fits a phone screen.
    /// </summary>
    public static string EitherOfTwoAnswer(AnsweredEntry first, AnsweredEntry second, string foldedQuestion, IReadOnlyList<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var room = MaxShortAnswerLength * 3 / 4;
        return $"下面两条都和您问的有关：\n{Part(1, first)}\n{Part(2, second)}";

        string Part(int number, AnsweredEntry part)
        {
            var heading = $"{number}.【{part.Entry.Title.Trim()}】";
            return heading + PassageAnswer(part.Entry, part.Passage, foldedQuestion, questionTerms, room - heading.Length);
        }
    }

    private static string PassageAnswer(KnowledgeEntry entry, Passage? passage, string foldedQuestion, IReadOnlyList<string> questionTerms, int length)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        if (AsksForTheList(foldedQuestion) && WholeList(entry, passage, length) is { } list)
        {
            return list;
        }

        if (passage is null || passage.Kind == PassageKind.Summary)
        {
            return ShortAnswer(entry, length);
        }

        var basis = SourceLine(entry);
        var text = new StringBuilder(ListVerdict.For(entry, passage, foldedQuestion, questionTerms));
        text.Append(passage.Lead is { } lead ? $"{lead.TrimEnd('：', ':')}：{passage.Text}" : passage.Text);

        // A paragraph that introduces a list says nothing without the list.
        var items = Passages.Of(entry).Where(p => p.Kind == PassageKind.ListItem && p.Lead == passage.Text).Select(p => p.Text.TrimEnd('；', ';', '。')).ToList();
        if (items.Count > 0)
        {
            text.Append(string.Join("；", items)).Append('。');
        }

        // The summary follows as far as it fits: it holds the entry's key facts, which the passage may only assume.
        var room = length - basis.Length;
        var answer = Trim(text.ToString(), room);
        if (FirstSentence(entry.Summary) is { Length: > 0 } context && !passage.Text.Contains(context, StringComparison.Ordinal)
            && answer.Length + 1 + context.Length <= room)
        {
            answer += "\n" + Trim(entry.Summary.Trim(), room - answer.Length - 1);
        }

        return answer + basis;
    }

    private static readonly string[] ListAsks =
    [
        "哪些", "哪几", "哪一些", "哪家", "什么病", "啥病", "列一下", "列个", "都是啥", "都有啥", "都是什么", "都有什么", "都免啥", "都管啥", "几种", "多少种", "几样",
        "啥手续", "什么手续", "哪些手续", "流程", "步骤",
    ];

    private static bool AsksForTheList(string question) => ListAsks.Any(ask => question.Contains(ask, StringComparison.Ordinal));

    // “哪些病算大病”: the list the best passage belongs to (or the entry's first list), whole, after the summary.
    private static string? WholeList(KnowledgeEntry entry, Passage? passage, int length)
    {
        var passages = Passages.Of(entry);
        var lead = passage switch
        {
            { Kind: PassageKind.ListItem, Lead: { } itemLead } => itemLead,
            { Kind: PassageKind.Paragraph } when passages.Any(p => p.Lead == passage.Text) => passage.Text,

            // A paragraph that is no list's lead answers by itself; only the summary defers to the entry's first list.
            { Kind: PassageKind.Paragraph } => null,
            _ => passages.FirstOrDefault(p => p.Kind == PassageKind.ListItem && p.Lead is not null)?.Lead,
        };
        if (lead is null)
        {
            return null;
        }

        var items = passages.Where(p => p.Kind == PassageKind.ListItem && p.Lead == lead).Select(p => p.Text.TrimEnd('；', ';', '。')).ToList();
        var basis = SourceLine(entry);
        var text = $"{FirstSentence(entry.Summary)}\n{lead}{string.Join("；", items)}。";
        return Trim(text, length - basis.Length) + basis;
    }

    /// <summary>Title, summary, the full text and the source, for "查看全文".</summary>
    public static string FullText(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder()
            .Append(entry.Title.Trim()).Append("\n\n")
            .Append(entry.Summary.Trim());
        if (entry.Body.Trim() is { Length: > 0 } body)
        {
            text.Append("\n\n").Append(PlainText(body));
        }

        if (entry.Kind == EntryKind.Policy && entry.Source.Trim() is { Length: > 0 } source)
        {
            text.Append("\n\n依据：").Append(source);
        }

        return text.ToString();
    }

    /// <summary>The "did you mean" menu; the household answers with the number.</summary>
    public static string CandidatesMenu(IReadOnlyList<AnswerCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var text = new StringBuilder("您是不是想问：");
        for (var i = 0; i < candidates.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(candidates[i].Title);
        }

        return text.Append("\n回复数字查看").ToString();
    }

    private static string SourceLine(KnowledgeEntry entry)
    {
        var source = entry.Source.Trim();
        if (entry.Kind != EntryKind.Policy || source.Length == 0)
        {
            return "";
        }

        if (source.Length > MaxSourceLength)
        {
            source = source[..(MaxSourceLength - 1)] + Ellipsis;
        }

        return $"（依据：{source}）";
    }

    // Cuts at the last sentence end that fits, so the answer never stops mid-sentence; a first
    // sentence longer than the room is cut with an ellipsis instead.
    private static string Trim(string summary, int room)
    {
        if (summary.Length <= room)
        {
            return summary;
        }

        var end = summary.LastIndexOfAny(SentenceEnds, room - 1);
        if (end >= 0)
        {
            return summary[..(end + 1)];
        }

        var cut = room - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(summary[cut - 1]))
        {
            cut--;
        }

        return summary[..Math.Max(cut, 0)] + Ellipsis;
    }

    // A first sentence as short as “可以。” gives no context, so sentences are taken until there is some.
    private const int MinContextLength = 12;

    private static string FirstSentence(string summary)
    {
        var trimmed = summary.Trim();
        var end = -1;
        do
        {
            end = trimmed.IndexOfAny(SentenceEnds, end + 1);
        }
        while (end >= 0 && end + 1 < MinContextLength);

        return end < 0 ? trimmed : trimmed[..(end + 1)];
    }

    // WeChat and SMS show Markdown literally: keep the "- " lists (they read well) and drop emphasis marks.
    private static string PlainText(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
}
