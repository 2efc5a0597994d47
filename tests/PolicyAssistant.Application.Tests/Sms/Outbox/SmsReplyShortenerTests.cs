using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

public sealed class SmsReplyShortenerTests
{
    private const string SignName = "鹿寨县卫健局";

    [Fact]
    public void Shorten_AnswerThatFits_IsUnchanged()
    {
        var part = SmsReplyShortener.Shorten("住院不用交押金。", SignName, 3);

        Assert.Equal(new SmsReplyPart("住院不用交押金。", null), part);
    }

    [Fact]
    public void Shorten_LongAnswer_CutsAfterLastWholeSentenceAndAddsHint()
    {
        var part = SmsReplyShortener.Shorten(TestBot.LongAnswer, SignName, 3);

        Assert.Equal(
            "建档立卡贫困户住院实行先诊疗后付费，入院时不用交押金。出院时在医院一站式结算窗口办理，基本医保、大病保险、医疗救助一次结清。" +
            "县域内住院的实际报销比例不低于百分之九十，个人自付部分超出的由兜底保障补足。" +
            "患有高血压、糖尿病等慢性病的，可以向乡镇卫生院申请门诊慢性病确认，通过后门诊费用也能报销。家庭医生团队每月随访一次，有问题可以直接联系签约医生。回复 1 看全文",
            part.Text);
    }

    [Fact]
    public void Shorten_LongAnswer_KeepsTheRestForTheNextPart()
    {
        var part = SmsReplyShortener.Shorten(TestBot.LongAnswer, SignName, 3);

        Assert.Equal("外出务工人员在县域外住院的，先办理转诊手续，回来后凭发票和出院小结到县医保局报销。", part.Remainder);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Shorten_LongAnswer_FitsTheSegmentLimit(int maxSegments)
    {
        var part = SmsReplyShortener.Shorten(TestBot.LongAnswer + TestBot.LongAnswer, SignName, maxSegments);

        Assert.True(SmsSegmenter.CountSegments(part.Text, SignName) <= maxSegments, part.Text);
    }

    [Fact]
    public void Shorten_PartsJoined_LoseNothing()
    {
        var parts = new List<string>();
        string? rest = TestBot.LongAnswer + TestBot.LongAnswer;
        while (rest is not null)
        {
            var part = SmsReplyShortener.Shorten(rest, SignName, 1);
            parts.Add(part.Text.Replace(SmsText.ContinueHint, "").TrimEnd('…'));
            rest = part.Remainder;
        }

        Assert.Equal((TestBot.LongAnswer + TestBot.LongAnswer).Replace("，", ""), string.Concat(parts).Replace("，", ""));
    }

    [Fact]
    public void Shorten_NoSentenceEnd_CutsAtAClauseWithEllipsis()
    {
        var clause = "基本医保报销后再由大病保险报销";
        var text = string.Join("，", Enumerable.Repeat(clause, 20));

        var part = SmsReplyShortener.Shorten(text, SignName, 1);

        Assert.Equal(string.Join("，", Enumerable.Repeat(clause, 3)) + "…" + SmsText.ContinueHint, part.Text);
    }

    [Fact]
    public void Shorten_NoPunctuationAtAll_CutsHardWithoutSplittingASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 100));

        var part = SmsReplyShortener.Shorten(text, SignName, 1);

        Assert.False(char.IsHighSurrogate(part.Text.Replace(SmsText.ContinueHint, "").TrimEnd('…')[^1]));
    }

    [Fact]
    public void Shorten_BlankLinesAndPadding_AreTidied()
    {
        Assert.Equal("第一行\n第二行", SmsReplyShortener.Shorten("  第一行 \r\n\r\n\n 第二行  ", SignName, 3).Text);
    }
}
