using PolicyAssistant.Knowledge.Analysis;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("的")]
    [InlineData("吗")]
    [InlineData("俺")]
    [InlineData("咋")]
    [InlineData("请问")]
    [InlineData("怎么")]
    [InlineData("做法")]
    public void StopWords_FunctionWord_IsListed(string word) => Assert.Contains(word, (ISet<string>)PolicyAnalyzer.StopWords);

    [Theory]
    [InlineData("报销")]
    [InlineData("住院")]
    [InlineData("押金")]
    [InlineData("钱")]
    public void StopWords_DomainWord_IsNotListed(string word) => Assert.DoesNotContain(word, (ISet<string>)PolicyAnalyzer.StopWords);
}
