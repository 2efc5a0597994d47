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
    private const int EitherOfTwoPartLength = MaxShortAnswerLength * 3 / 4;
    private const string EitherOfTwoIntro = "下面两条都和您问的有关：";
    private const string Ellipsis = "…";
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';'];
    private static readonly char[] ClauseEnds = ['，', '、', '：', ',', ':'];

    /// <summary>The summary and, for a policy, "（依据：source）", at most <see cref="MaxShortAnswerLength"/> chars.</summary>
    public static string ShortAnswer(KnowledgeEntry entry) => ShortAnswer(entry, MaxShortAnswerLength);

    private static string ShortAnswer(KnowledgeEntry entry, int length, bool tight = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var basis = SourceLine(entry, tight);
        return Trim(entry.Summary.Trim(), length - basis.Length, tight) + basis;
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
    /// <param name="length">
    /// The most the answer may take, when that is less than a phone screen's (a reply by text message, billed by the
    /// segment). Each entry then gets half of it and makes the most of it: its short title, the yes or no and the
    /// passage cut at a sentence or clause end, and no source (the full text, one reply away, names it).
    /// </param>
    public static string EitherOfTwoAnswer(AnsweredEntry first, AnsweredEntry second, string foldedQuestion, IReadOnlyList<string> questionTerms, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var room = length is { } total ? Math.Min((total - EitherOfTwoIntro.Length - 2) / 2, EitherOfTwoPartLength) : EitherOfTwoPartLength;
        var tight = room < EitherOfTwoPartLength;
        return $"{EitherOfTwoIntro}\n{Part(1, first)}\n{Part(2, second)}";

        string Part(int number, AnsweredEntry part)
        {
            var heading = $"{number}.【{(tight ? ShortTitle(part.Entry.Title, room) : part.Entry.Title.Trim())}】";
            return heading + PassageAnswer(part.Entry, part.Passage, foldedQuestion, questionTerms, room - heading.Length, tight);
        }
    }

    // A title longer than a quarter of the part's room gives way to its name before the colon and the place the
    // entry is for: “入院协议：出院时只付住院总费用的10%（鹿寨县）” → “入院协议（鹿寨县）”. A head too short to name
    // anything (“实例：…”) keeps the whole title.
    private const int MinShortTitleLength = 4;

    private static string ShortTitle(string title, int room)
    {
        var trimmed = title.Trim();
        var colon = trimmed.IndexOfAny(['：', ':']);
        if (trimmed.Length <= room / 4 || colon < MinShortTitleLength)
        {
            return trimmed;
        }

        var place = trimmed.LastIndexOf('（');
        return trimmed[..colon] + (place > colon && trimmed.EndsWith('）') ? trimmed[place..] : "");
    }

    private static string PassageAnswer(KnowledgeEntry entry, Passage? passage, string foldedQuestion, IReadOnlyList<string> questionTerms, int length, bool tight = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        if (AsksForTheList(foldedQuestion) && WholeList(entry, passage, foldedQuestion, length, tight) is { } list)
        {
            return list;
        }

        if (passage is null || passage.Kind == PassageKind.Summary)
        {
            return ShortAnswer(entry, length, tight);
        }

        var basis = SourceLine(entry, tight);
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
        var answer = Trim(text.ToString(), room, tight);
        if (FirstSentence(entry.Summary) is { Length: > 0 } context && !passage.Text.Contains(context, StringComparison.Ordinal)
            && answer.Length + 1 + context.Length <= room)
        {
            answer += "\n" + Trim(entry.Summary.Trim(), room - answer.Length - 1, tight);
        }

        return answer + basis;
    }

    private static readonly string[] ListAsks =
    [
        "哪些", "哪几", "哪一些", "哪家", "什么病", "啥病", "列一下", "列个", "都是啥", "都有啥", "都是什么", "都有什么", "都免啥", "都管啥", "几种", "多少种", "几样",
    ];

    // What to do or bring (转院要办啥手续, 要带啥证件) is answered by the entry's list of steps or papers, whichever
    // passage shares most words with the question: a paragraph on what to do when a paper is forgotten says 证件 too.
    private static readonly string[] HowToAsks = ["手续", "流程", "步骤", "怎么办理", "咋办理", "带啥", "带什么", "证件", "材料"];

    private static readonly string[] HowToLeads = ["怎么办", "怎么申请", "步骤", "流程", "手续", "带齐", "要带", "材料", "证件"];

    private static bool AsksForTheList(string question) => HoldsAny(ListAsks, question) || HoldsAny(HowToAsks, question);

    private static bool HoldsAny(string[] words, string text) => words.Any(word => text.Contains(word, StringComparison.Ordinal));

    private static string? HowToLead(IReadOnlyList<Passage> passages, string question) =>
        HoldsAny(HowToAsks, question)
            ? passages.Where(p => p.Kind == PassageKind.ListItem).Select(p => p.Lead).FirstOrDefault(lead => lead is not null && HoldsAny(HowToLeads, lead))
            : null;

    // “哪些病算大病”: the list the best passage belongs to (or the entry's first list), whole, after the summary.
    private static string? WholeList(KnowledgeEntry entry, Passage? passage, string question, int length, bool tight)
    {
        var passages = Passages.Of(entry);
        var lead = HowToLead(passages, question) ?? passage switch
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
        var basis = SourceLine(entry, tight);
        var text = $"{FirstSentence(entry.Summary)}\n{lead}{string.Join("；", items)}。";
        return Trim(text, length - basis.Length, tight) + basis;
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

    // A tight room leaves the source to the full text.
    private static string SourceLine(KnowledgeEntry entry, bool tight = false)
    {
        var source = entry.Source.Trim();
        if (tight || entry.Kind != EntryKind.Policy || source.Length == 0)
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
    // sentence longer than the room is cut with an ellipsis instead. In a tight room, where a sentence end that fits
    // would keep less than a third of it (a bare “可以。”) or none fits, the cut is at a clause end, with an ellipsis.
    private static string Trim(string summary, int room, bool tight = false)
    {
        if (summary.Length <= room)
        {
            return summary;
        }

        if (room <= 0)
        {
            return "";
        }

        var floor = tight ? room / 3 : 0;
        var end = summary.LastIndexOfAny(SentenceEnds, room - 1);
        if (end >= 0 && end + 1 >= floor)
        {
            return summary[..(end + 1)];
        }

        var clause = tight ? summary.LastIndexOfAny(ClauseEnds, room - 1) : -1;
        if (clause >= Math.Max(floor, 1))
        {
            return summary[..clause] + Ellipsis;
        }

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
