using PolicyAssistant.Knowledge.Analysis;
using static PolicyAssistant.Knowledge.Tests.Support.AnalysisAssert;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class BigramAnalyzerTests : IDisposable
{
    private readonly BigramAnalyzer _analyzer = new();

    [Theory]
    [InlineData("住院押金", new[] { "住院", "院押", "押金" })]
    [InlineData("住院費用", new[] { "住院", "院费", "费用" })]
    [InlineData("起付线，报销", new[] { "起付", "付线", "报销" })]
    [InlineData("药", new[] { "药" })]
    [InlineData("😀", new string[0])]
    public void Analyze_Text_GivesCharacterPairs(string input, string[] expected) =>
        AnalyzesTo(_analyzer, input, expected);

    public void Dispose() => _analyzer.Dispose();
}
