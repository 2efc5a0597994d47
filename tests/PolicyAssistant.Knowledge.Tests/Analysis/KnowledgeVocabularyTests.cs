using PolicyAssistant.Knowledge.Analysis;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class KnowledgeVocabularyTests
{
    [Fact]
    public void Parse_SolrLine_FirstTermIsCanonical()
    {
        var group = Assert.Single(KnowledgeVocabulary.Parse("", "押金, 住院押金, 预交金").SynonymGroups);
        Assert.Equal("押金", group.Canonical);
        Assert.Equal(["住院押金", "预交金"], group.Variants);
    }

    [Fact]
    public void Parse_ExplicitMapping_RightSideIsCanonical()
    {
        var group = Assert.Single(KnowledgeVocabulary.Parse("", "新农合, 合作医疗 => 城乡居民基本医疗保险").SynonymGroups);
        Assert.Equal("城乡居民基本医疗保险", group.Canonical);
        Assert.Equal(["新农合", "合作医疗"], group.Variants);
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreSkipped()
    {
        var vocabulary = KnowledgeVocabulary.Parse("# words\n\n起付线 100 n\n", "# groups\n\n");
        Assert.Equal(["起付线"], vocabulary.Words);
        Assert.Empty(vocabulary.SynonymGroups);
        Assert.Empty(vocabulary.Errors);
    }

    [Fact]
    public void Parse_TraditionalTerms_AreFolded() =>
        Assert.Equal(["医疗兜底"], KnowledgeVocabulary.Parse("醫療兜底", "").Words);

    [Fact]
    public void Parse_LineWithOneTerm_IsReportedWithItsNumber()
    {
        var vocabulary = KnowledgeVocabulary.Parse("", "押金, 预交金\n报销");
        var error = Assert.Single(vocabulary.Errors);
        Assert.Equal(2, error.Line);
        Assert.Single(vocabulary.SynonymGroups);
    }

    [Fact]
    public void Parse_TermInTwoGroups_KeepsTheFirstGroup()
    {
        var vocabulary = KnowledgeVocabulary.Parse("", "押金, 预交金\n预交金, 住院费");
        Assert.Equal("押金", Assert.Single(vocabulary.SynonymGroups).Canonical);
        Assert.Contains("line 1", Assert.Single(vocabulary.Errors).Message);
    }

    [Fact]
    public void CompoundWords_IncludeEverySynonymTerm() =>
        Assert.Equal(
            ["起付线", "押金", "预交金"],
            KnowledgeVocabulary.Parse("起付线\n药", "押金, 预交金").CompoundWords);
}
