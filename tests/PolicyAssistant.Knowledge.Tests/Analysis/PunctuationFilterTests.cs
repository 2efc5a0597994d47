using PolicyAssistant.Knowledge.Analysis;
using static PolicyAssistant.Knowledge.Tests.Support.AnalysisAssert;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class PunctuationFilterTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = Chain(tokenizer => new PunctuationFilter(tokenizer));

    [Theory]
    [InlineData("住院，报销。", new[] { "住院", "报销" })]
    [InlineData("！！？？。。，,.", new string[0])]
    [InlineData("😀报销😀", new[] { "报销" })]
    [InlineData("50%的比例", new[] { "50", "的", "比例" })]
    [InlineData("abc 123", new[] { "abc", "123" })]
    public void IncrementToken_Sentence_KeepsOnlyTokensWithLettersOrDigits(string input, string[] expected) =>
        AnalyzesTo(Analyzer, input, expected);
}
