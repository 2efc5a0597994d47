using Lucene.Net.Analysis.Util;
using PolicyAssistant.Knowledge.Analysis;
using static PolicyAssistant.Knowledge.Tests.Support.AnalysisAssert;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class DomainCompoundFilterTests
{
    private static readonly string[] Words = ["起付线", "大病保险", "一站式结算", "一站式", "慢病"];

    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = Chain(tokenizer =>
        new DomainCompoundFilter(new PunctuationFilter(tokenizer), new CharArraySet(Lucene.Net.Util.LuceneVersion.LUCENE_48, Words, false), Words.Max(w => w.Length)));

    [Theory]
    [InlineData("起付线是多少", new[] { "起付线", "是", "多少" })]
    [InlineData("大病保险起付线降低一半", new[] { "大病保险", "起付线", "降低", "一半" })]
    [InlineData("一站式结算怎么办理", new[] { "一站式结算", "怎么", "办理" })]
    [InlineData("慢病证明在哪里办", new[] { "慢病", "证明", "在", "哪里", "办" })]
    [InlineData("住院报销", new[] { "住院", "报销" })]
    [InlineData("", new string[0])]
    public void IncrementToken_Sentence_JoinsDomainWords(string input, string[] expected) =>
        AnalyzesTo(Analyzer, input, expected);

    [Fact]
    public void IncrementToken_JoinedWord_SpansTheJoinedOffsets() =>
        AnalyzesTo(Analyzer, "降低起付线", new Token("降低", 0, 2), new Token("起付线", 2, 5));

    [Fact]
    public void IncrementToken_WordAcrossPunctuation_IsNotJoined() =>
        AnalyzesTo(Analyzer, "起付，线", "起", "付", "线");

    [Fact]
    public void IncrementToken_ReusedStream_StartsClean()
    {
        AnalyzesTo(Analyzer, "大病保险", "大病保险");
        AnalyzesTo(Analyzer, "起付线", "起付线");
    }
}
