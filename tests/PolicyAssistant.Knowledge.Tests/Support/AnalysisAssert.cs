using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PolicyAssistant.Knowledge.Tests.Support;

/// <summary>The xUnit counterpart of Lucene's AssertAnalyzesTo: a sentence in, the terms (and offsets) out.</summary>
public static class AnalysisAssert
{
    public sealed record Token(string Term, int Start, int End);

    public static IReadOnlyList<Token> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream("field", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    public static void AnalyzesTo(Analyzer analyzer, string text, params string[] expected) =>
        Assert.Equal(expected, Tokens(analyzer, text).Select(t => t.Term));

    public static void AnalyzesTo(Analyzer analyzer, string text, params Token[] expected) =>
        Assert.Equal(expected, Tokens(analyzer, text));

    /// <summary>A one-off chain: SmartCn's tokenizer and then the filters given.</summary>
    public static Analyzer Chain(Func<Tokenizer, TokenStream> filters, Func<TextReader, TextReader>? charFilter = null) =>
        Analyzer.NewAnonymous(
            createComponents: (_, reader) =>
            {
                var tokenizer = new Lucene.Net.Analysis.Cn.Smart.HMMChineseTokenizer(reader);
                return new TokenStreamComponents(tokenizer, filters(tokenizer));
            },
            initReader: (_, reader) => charFilter is null ? reader : charFilter(reader));
}
