using PolicyAssistant.Knowledge.Normalization;
using static PolicyAssistant.Knowledge.Tests.Support.AnalysisAssert;

namespace PolicyAssistant.Knowledge.Tests.Normalization;

public sealed class FoldingCharFilterTests
{
    private static readonly Lucene.Net.Analysis.Analyzer FoldThenSegment = Chain(tokenizer => tokenizer, reader => new FoldingCharFilter(reader));

    [Fact]
    public void Read_TraditionalText_SegmentsAsSimplified() =>
        AnalyzesTo(FoldThenSegment, "費用報銷", new Token("费用", 0, 2), new Token("报销", 2, 4));

    [Fact]
    public void Read_FullWidthLatin_KeepsOriginalOffsets() =>
        AnalyzesTo(FoldThenSegment, "住院ＡＢＣ", new Token("住院", 0, 2), new Token("abc", 2, 5));

    [Fact]
    public void Read_LongText_FoldsEveryBufferRefill()
    {
        var text = string.Concat(Enumerable.Repeat("報銷", 3000));
        var tokens = Tokens(FoldThenSegment, text);
        Assert.All(tokens, t => Assert.Equal("报销", t.Term));
    }
}
