using PolicyAssistant.Knowledge.Analysis;

namespace PolicyAssistant.Knowledge.Tests.Support;

/// <summary>A small vocabulary of the real kind, so unit tests do not depend on content/ as it changes.</summary>
public static class TestVocabulary
{
    public const string Dictionary = """
        # domain words
        起付线
        大病保险
        一站式结算
        先诊疗后付费
        慢病证明
        你好
        """;

    public const string Synonyms = """
        # first term canonical
        押金, 住院押金, 预交金
        城乡居民基本医疗保险, 新农合, 合作医疗
        兜底保障, 医疗兜底, 兜底
        """;

    public static KnowledgeVocabulary Create() => KnowledgeVocabulary.Parse(Dictionary, Synonyms);
}
