using Lucene.Net.Util;

namespace PolicyAssistant.Knowledge;

internal static class LuceneSettings
{
    /// <summary>The one Lucene compatibility version of the product.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
