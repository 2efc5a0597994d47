using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData("R")]
    [InlineData("r")]
    [InlineData(" T ")]
    [InlineData("td")]
    [InlineData("ＴＤ")]
    [InlineData("ｒ")]
    [InlineData("退订")]
    [InlineData("退订。")]
    [InlineData("\u3000取消订阅 ")]
    public void IsOptOut_OptOutWord_IsRecognised(string text)
    {
        Assert.True(SmsText.IsOptOut(text));
    }

    [Theory]
    [InlineData("RT")]
    [InlineData("退订了怎么恢复")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("住院报销")]
    public void IsOptOut_OtherText_IsNotAnOptOut(string text)
    {
        Assert.False(SmsText.IsOptOut(text));
    }

    [Theory]
    [InlineData("订阅", true)]
    [InlineData(" 恢复订阅。", true)]
    [InlineData("订阅号", false)]
    public void IsOptIn_Text_RecognisesOnlyOptInWords(string text, bool expected)
    {
        Assert.Equal(expected, SmsText.IsOptIn(text));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("１", true)]
    [InlineData(" 1。", true)]
    [InlineData("11", false)]
    public void IsContinue_Text_RecognisesOne(string text, bool expected)
    {
        Assert.Equal(expected, SmsText.IsContinue(text));
    }
}
