using PolicyAssistant.Domain.Numbers;

namespace PolicyAssistant.Domain.Tests.Numbers;

public sealed class ChineseAmountParserTests
{
    [Theory]
    [InlineData("12000", 12000)]
    [InlineData("12,000", 12000)]
    [InlineData("12000元", 12000)]
    [InlineData("12000.50元", 12000.50)]
    [InlineData("¥12000", 12000)]
    [InlineData("1.2万", 12000)]
    [InlineData("1.2万元", 12000)]
    [InlineData("0.5万", 5000)]
    [InlineData("1.2w", 12000)]
    [InlineData("3k", 3000)]
    [InlineData("3千", 3000)]
    [InlineData("3千5", 3500)]
    [InlineData("1万2500", 12500)]
    [InlineData("一万二", 12000)]
    [InlineData("一万二千", 12000)]
    [InlineData("一万两千五", 12500)]
    [InlineData("两千", 2000)]
    [InlineData("三千五", 3500)]
    [InlineData("五百块", 500)]
    [InlineData("五百块钱", 500)]
    [InlineData("两百五", 250)]
    [InlineData("一百五十", 150)]
    [InlineData("十五", 15)]
    [InlineData("壹万贰仟", 12000)]
    [InlineData("壹万贰仟元整", 12000)]
    [InlineData("一万零五百", 10500)]
    [InlineData("一万零五", 10005)]
    [InlineData("十二万", 120000)]
    [InlineData("十二万五", 125000)]
    [InlineData("二十五万", 250000)]
    [InlineData("十万八千", 108000)]
    [InlineData("一点五万", 15000)]
    [InlineData("一亿", 100000000)]
    [InlineData("１２０００", 12000)]
    [InlineData("１．２万", 12000)]
    [InlineData(" 8000 元 ", 8000)]
    [InlineData("零", 0)]
    public void TryParse_AmountAsTyped_ReturnsTheAmount(string text, decimal expected)
    {
        Assert.True(ChineseAmountParser.TryParse(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("元")]
    [InlineData("万")]
    [InlineData("千万")]
    [InlineData("一二三")]
    [InlineData("12三")]
    [InlineData("一千二千")]
    [InlineData("一万一万")]
    [InlineData("12.3.4")]
    [InlineData("1,00")]
    [InlineData(",100")]
    [InlineData("-100")]
    [InlineData("1.234")]
    [InlineData("1千2500")]
    [InlineData("十亿")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("99999999999999999999千亿")]
    [InlineData("一万多")]
    [InlineData("w")]
    [InlineData("五w")]
    [InlineData("12000元12000元")]
    public void TryParse_Nonsense_ReturnsFalse(string? text)
    {
        Assert.False(ChineseAmountParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData("我住院花了一万二，能报多少？", 12000)]
    [InlineData("住院5天花了3000元", 3000)]
    [InlineData("住了5天，一共一万二", 12000)]
    [InlineData("想问一下三千五能报多少", 3500)]
    [InlineData("2019年3月住院，总费用12,000元", 12000)]
    [InlineData("一共花了12000，其中自费2000", 12000)]
    [InlineData("报销比例90%，花了8000块", 8000)]
    [InlineData("医药费共花了11804元，个人自付1156元", 11804)]
    [InlineData("花了１．２万元", 12000)]
    [InlineData("去县医院看病花了两千多", 2000)]
    [InlineData("我电话13800001234，住院花了5000", 5000)]
    [InlineData("第三次住院花了八千", 8000)]
    [InlineData("花了1.5w", 15000)]
    [InlineData("花了1234.56元", 1234.56)]
    [InlineData("在市里住院花了1.5万", 15000)]
    [InlineData("住院八千多块", 8000)]
    [InlineData("住了十来天花了一万零八百", 10800)]
    public void FindAmount_Sentence_PicksTheMoney(string sentence, decimal expected)
    {
        Assert.Equal(expected, ChineseAmountParser.FindAmount(sentence));
    }

    [Theory]
    [InlineData("看病花了两万六 报了一万九", new[] { 26000.0, 19000.0 })]
    [InlineData("花了3.5万，报了2.8万", new[] { 35000.0, 28000.0 })]
    [InlineData("住院5天花了八千多，自己掏了八百", new[] { 8000.0, 800.0 })]
    [InlineData("医药费11804元，个人自付1156.5元", new[] { 11804.0, 1156.5 })]
    [InlineData("三个一批是什么", new double[0])]
    public void FindAmounts_Sentence_ListsEveryAmountInOrder(string sentence, double[] expected)
    {
        Assert.Equal(expected.Select(e => (decimal)e), ChineseAmountParser.FindAmounts(sentence).Select(a => a.Amount));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("我想问一下一站式结算怎么办")]
    [InlineData("三个一批是什么")]
    [InlineData("住了5天")]
    [InlineData("我的电话是13800001234")]
    [InlineData("身份证450223199001011234")]
    [InlineData("十分感谢")]
    [InlineData("报销比例是90%")]
    public void FindAmount_NoMoneyInTheSentence_ReturnsNull(string? sentence)
    {
        Assert.Null(ChineseAmountParser.FindAmount(sentence));
    }

    [Fact]
    public void TryParseAndFindAmount_RandomText_NeverThrow()
    {
        const string alphabet = "0123456789.,，元块万千百十零一二两三五九壹贰仟亿点wk¥天%第多 -abc１２．";
        var random = new Random(42);
        var texts = Enumerable.Range(0, 20_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 16)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));

        var failures = texts.Where(text =>
        {
            try
            {
                ChineseAmountParser.TryParse(text, out _);
                ChineseAmountParser.FindAmount(text);
                return false;
            }
            catch (Exception)
            {
                return true;
            }
        });

        Assert.Empty(failures);
    }
}
