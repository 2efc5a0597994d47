using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using PolicyAssistant.Knowledge.Normalization;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>
/// Overlapping character pairs of the folded text (住院押金 → 住院|院押|押金): no dictionary, so it
/// still matches where segmentation cut a word differently in the question and in the entry,
/// and it survives a one-character typo in a longer word.
/// </summary>
public sealed class BigramAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        return new TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer));
    }

    public IReadOnlyList<string> Terms(string text) => PolicyAnalyzer.Tokens(this, text);
}
