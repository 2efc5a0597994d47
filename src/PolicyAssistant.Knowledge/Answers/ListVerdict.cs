using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// The yes or no that goes first when a household asks whether something an entry lists is covered (喝醉摔伤兜不兜底,
/// 胃癌算不算大病). A list under a title or lead that says 不能, 不予, 不在… lists exclusions, so the answer is no and
/// why; an item's own exception (急救、抢救除外) turns it to yes when the question names the exception. A list whose
/// lead explains (怎么办, 为什么, 流程, 举个例子, 按病种付费是什么意思) says nothing about what is covered and gets no
/// verdict; any other list lists what is covered.
/// </summary>
internal static class ListVerdict
{
    private static readonly string[] YesNoAsks =
    [
        "管不管", "能不能", "算不算", "给不给", "兜不兜", "报不报", "行不行", "中不中", "有没有", "是不是", "可不可以", "在不在", "属不属于", "包不包括",
    ];

    private static readonly string[] Negations = ["不能", "不予", "不在", "不属于", "不包括", "不享受", "不报", "不兜底", "不管"];

    private const string Particles = "吗嘛么不没呢啊呀";

    private static readonly string[] Explanations = ["怎么", "为什么", "流程", "步骤", "一步步", "过程", "做法", "例子", "说明", "要点", "意思", "从哪", "谁来", "为例", "各地", "注意", "区别"];

    public static string For(KnowledgeEntry entry, Passage passage, string foldedQuestion, IReadOnlyList<string> questionTerms)
    {
        if (passage.Kind != PassageKind.ListItem || !AsksYesOrNo(foldedQuestion) || !NamesTheItem(passage, questionTerms))
        {
            return "";
        }

        var framing = passage.Lead + entry.Title;
        var negation = Negations.FirstOrDefault(n => framing.Contains(n, StringComparison.Ordinal));
        if (negation is null)
        {
            return Explanations.Any(e => passage.Lead?.Contains(e, StringComparison.Ordinal) == true) ? "" : "是的，在范围内。";
        }

        var scope = Scope(framing, negation);
        if (Exception(passage.Text) is { } exception && questionTerms.Any(t => t.Length >= 2 && exception.Contains(t, StringComparison.Ordinal)))
        {
            return $"能。{exception}是例外，可以{scope}。";
        }

        return $"不能{scope}。这种情况不属于{scope}范围。";
    }

    private static bool AsksYesOrNo(string question)
    {
        var trimmed = new string(question.Where(c => !char.IsPunctuation(c) && !char.IsWhiteSpace(c)).ToArray());
        return YesNoAsks.Any(ask => trimmed.Contains(ask, StringComparison.Ordinal)) || trimmed.Length > 0 && Particles.Contains(trimmed[^1]);
    }

    // The item itself, not only its list's lead, must hold a word of the question.
    private static bool NamesTheItem(Passage passage, IReadOnlyList<string> questionTerms) =>
        questionTerms.Any(t => t.Length >= 2 && passage.Text.Contains(t, StringComparison.Ordinal) && passage.Lead?.Contains(t, StringComparison.Ordinal) != true);

    // What the negation denies: 不能兜底 → 兜底; with nothing readable after it, the entry's subject stays unnamed.
    private static string Scope(string framing, string negation)
    {
        var at = framing.IndexOf(negation, StringComparison.Ordinal) + negation.Length;
        var word = new string(framing[at..].TakeWhile(c => char.IsLetter(c) && c is not '的' and not '和' and not '或').Take(4).ToArray());
        return negation == "不兜底" ? "兜底" : word.Length >= 2 ? word : "保障";
    }

    // “（急救、抢救除外）” → “急救、抢救”.
    private static string? Exception(string item)
    {
        var end = item.IndexOf("除外", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var start = item.LastIndexOfAny(['（', '('], end);
        return start < 0 ? null : item[(start + 1)..end];
    }
}
