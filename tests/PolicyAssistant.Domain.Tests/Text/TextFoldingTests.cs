using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Domain.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("住院費用報銷", "住院费用报销")]
    [InlineData("醫療救助", "医疗救助")]
    [InlineData("先診療後付費", "先诊疗后付费")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("起付线？！", "起付线?!")]
    [InlineData("全角\u3000空格", "全角 空格")]
    [InlineData("WeChat", "wechat")]
    [InlineData("已经是简体", "已经是简体")]
    [InlineData("", "")]
    public void Fold_MixedText_FoldsToSimplifiedHalfWidthLowerCase(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Fold_AnyText_KeepsLength()
    {
        const string text = "焦作網免責聲明：ＡＢＣ😀贫困戶";
        Assert.Equal(text.Length, TextFolding.Fold(text).Length);
    }

    [Fact]
    public void Fold_Emoji_LeavesSurrogatePairIntact()
    {
        const string text = "👍";
        Assert.Equal(text, TextFolding.Fold(text));
    }
}
