using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>
/// Drops tokens with no letter or digit. SmartCn emits every punctuation mark as a "," token and
/// cuts an emoji into its two surrogate halves; neither says anything about the question.
/// </summary>
public sealed class PunctuationFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute _term;

    public PunctuationFilter(TokenStream input)
        : base(LuceneSettings.Version, input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool Accept()
    {
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            if (char.IsLetterOrDigit(buffer[i]))
            {
                return true;
            }
        }

        return false;
    }
}
