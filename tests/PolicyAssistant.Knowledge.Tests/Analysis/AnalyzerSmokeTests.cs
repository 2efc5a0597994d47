using System.Text;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Tests.Support;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

/// <summary>Whatever is typed or pasted, analysis ends without an exception and with sane offsets.</summary>
public sealed class AnalyzerSmokeTests : IDisposable
{
    private static readonly string[] Naughty =
    [
        "", " ", "\0", "\t\r\n", "title:* AND (", "\"unclosed", "\\", "*?~^", "NULL", "undefined", "-1", "1e308",
        "<script>alert(1)</script>", "'; DROP TABLE entries;--", "👨‍👩‍👧‍👦", "😀😀😀", "\uD800", "\uDFFF报销",
        "\u200B\u200E\uFEFF", "Ｔｅｓｔ", "ﷺ", "𠀀𠀁", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ", "بحث", "테스트", "テスト",
    ];

    private readonly PolicyAnalyzer _policy = new(TestVocabulary.Create());
    private readonly BigramAnalyzer _bigram = new();

    [Fact]
    public void Analyze_NaughtyStrings_NeverThrows()
    {
        foreach (var text in Naughty)
        {
            AssertSane(text);
        }
    }

    [Fact]
    public void Analyze_RandomStrings_NeverThrows()
    {
        var random = new Random(20180720);
        for (var i = 0; i < 300; i++)
        {
            AssertSane(RandomText(random, random.Next(0, 200)));
        }
    }

    [Fact]
    public void Analyze_FiveThousandCharacterPaste_NeverThrows() =>
        AssertSane(string.Concat(Enumerable.Repeat("我家住院押金怎麼報銷？😀 ", 420))[..5000]);

    private void AssertSane(string text)
    {
        foreach (var analyzer in new Lucene.Net.Analysis.Analyzer[] { _policy, _bigram })
        {
            foreach (var token in AnalysisAssert.Tokens(analyzer, text))
            {
                Assert.NotEmpty(token.Term);
                Assert.InRange(token.Start, 0, token.End);
                Assert.InRange(token.End, token.Start, text.Length);
            }
        }
    }

    // Mixes the scripts households really send with control characters, surrogates and symbols.
    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(8) switch
            {
                0 => (char)random.Next(0x4E00, 0x9FFF),
                1 => (char)random.Next(0x20, 0x7F),
                2 => (char)random.Next(0xFF01, 0xFF5E),
                3 => (char)random.Next(0xD800, 0xDFFF),
                4 => (char)random.Next(0, 0x20),
                5 => (char)random.Next(0x3000, 0x303F),
                6 => "报销住院押金起付线"[random.Next(9)],
                _ => (char)random.Next(0, 0xFFFF),
            });
        }

        return builder.ToString();
    }

    public void Dispose()
    {
        _policy.Dispose();
        _bigram.Dispose();
    }
}
