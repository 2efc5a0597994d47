using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Tests.Support;
using static PolicyAssistant.Knowledge.Tests.Support.AnalysisAssert;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class PolicyAnalyzerTests : IDisposable
{
    private readonly PolicyAnalyzer _analyzer = new(TestVocabulary.Create());

    [Theory]
    [InlineData("俺娘住院要交押金吗", new[] { "住院", "交", "押金" })]
    [InlineData("起付线是多少", new[] { "起付线" })]
    [InlineData("大病保险起付线降低一半", new[] { "大病保险", "起付线", "降低", "一半" })]
    [InlineData("先诊疗后付费是什么意思", new[] { "先诊疗后付费" })]
    [InlineData("請問住院費用怎麼報銷？", new[] { "住院", "费用", "报销" })]
    [InlineData("ＡＢＣ报销", new[] { "abc", "报销" })]
    [InlineData("你好", new[] { "你好" })]
    public void Analyze_Question_GivesContentTerms(string input, string[] expected) =>
        AnalyzesTo(_analyzer, input, expected);

    [Theory]
    [InlineData("住院押金", "押金")]
    [InlineData("预交金", "押金")]
    [InlineData("新农合", "城乡居民基本医疗保险")]
    [InlineData("合作医疗", "城乡居民基本医疗保险")]
    [InlineData("醫療兜底", "兜底保障")]
    public void Analyze_SynonymVariant_GivesCanonicalTerm(string variant, string canonical) =>
        AnalyzesTo(_analyzer, variant, canonical);

    [Theory]
    [InlineData("吗")]
    [InlineData("请问我想问问")]
    [InlineData("？？？")]
    [InlineData("   ")]
    public void Analyze_OnlyFunctionWords_GivesNothing(string input) =>
        Assert.Empty(Tokens(_analyzer, input));

    [Fact]
    public void Analyze_SynonymVariant_SpansTheVariantInTheText() =>
        AnalyzesTo(_analyzer, "交住院押金", new Token("交", 0, 1), new Token("押金", 1, 5));

    [Fact]
    public void Analyze_TraditionalQuestion_KeepsOriginalOffsets() =>
        AnalyzesTo(_analyzer, "報銷比例", new Token("报销", 0, 2), new Token("比例", 2, 4));

    [Fact]
    public void Constructor_SynonymOfOnlyFunctionWords_ReportsTheLine()
    {
        using var withBadLine = new PolicyAnalyzer(KnowledgeVocabulary.Parse("", "押金, 什么"));
        var error = Assert.Single(withBadLine.SynonymErrors);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Terms_RepeatedWords_AreDistinctInOrder() =>
        Assert.Equal(["住院", "报销"], _analyzer.Terms("住院报销，住院报销"));

    public void Dispose() => _analyzer.Dispose();
}
