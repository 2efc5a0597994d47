using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Knowledge.Tests.Answers;

public sealed class AnswerFormatterTests
{
    [Fact]
    public void ShortAnswer_Policy_EndsWithItsSource()
    {
        var entry = TestEntries.SafetyNet();
        Assert.Equal($"{entry.Summary}（依据：{entry.Source}）", AnswerFormatter.ShortAnswer(entry));
    }

    [Fact]
    public void ShortAnswer_SmallTalk_HasNoSourceLine() =>
        Assert.Equal(TestEntries.Greeting().Summary, AnswerFormatter.ShortAnswer(TestEntries.Greeting()));

    [Fact]
    public void ShortAnswer_LongSummary_IsCutAtASentenceEnd()
    {
        var entry = TestEntries.SafetyNet();
        entry.Summary = string.Concat(Enumerable.Repeat("住院费用按规定报销。", 40));

        var answer = AnswerFormatter.ShortAnswer(entry);

        Assert.InRange(answer.Length, 1, AnswerFormatter.MaxShortAnswerLength);
        Assert.EndsWith($"报销。（依据：{entry.Source}）", answer);
    }

    [Fact]
    public void ShortAnswer_LongSentenceWithoutEnd_IsCutWithEllipsis()
    {
        var entry = TestEntries.Greeting();
        entry.Summary = new string('报', 400);

        var answer = AnswerFormatter.ShortAnswer(entry);

        Assert.Equal(AnswerFormatter.MaxShortAnswerLength, answer.Length);
        Assert.EndsWith("…", answer);
    }

    [Fact]
    public void ShortAnswer_VeryLongSource_StillFitsTheScreen()
    {
        var entry = TestEntries.SafetyNet();
        entry.Source = new string('文', 500);
        entry.Summary = new string('报', 400);
        Assert.InRange(AnswerFormatter.ShortAnswer(entry).Length, 1, AnswerFormatter.MaxShortAnswerLength);
    }

    [Fact]
    public void FullText_Policy_HasTitleSummaryBodyAndSource()
    {
        var entry = TestEntries.SafetyNet();
        Assert.Equal($"{entry.Title}\n\n{entry.Summary}\n\n{entry.Body}\n\n依据：{entry.Source}", AnswerFormatter.FullText(entry));
    }

    [Fact]
    public void FullText_MarkdownEmphasis_IsRemoved()
    {
        var entry = TestEntries.Greeting();
        entry.Body = "**注意**：带身份证。";
        Assert.EndsWith("\n\n注意：带身份证。", AnswerFormatter.FullText(entry));
    }

    [Fact]
    public void CandidatesMenu_ThreeCandidates_NumbersThemAndAsksForANumber()
    {
        var candidates = new[] { TestEntries.SafetyNet(), TestEntries.Deposit(), TestEntries.Deductible() }
            .Select(e => new AnswerCandidate(e, 0.3))
            .ToList();

        Assert.Equal(
            "您是不是想问：\n1. 兜底保障：住院自付不超过总费用的10%\n2. 先诊疗后付费：住院不用交押金\n3. 大病保险：起付线降低一半\n回复数字查看",
            AnswerFormatter.CandidatesMenu(candidates));
    }
}
