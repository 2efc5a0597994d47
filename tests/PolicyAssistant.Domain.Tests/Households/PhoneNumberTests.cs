using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800001234")]
    [InlineData("138 0000 1234")]
    [InlineData("138-0000-1234")]
    [InlineData("+8613800001234")]
    [InlineData("008613800001234")]
    [InlineData("１３８００００１２３４")]
    [InlineData("+86 138-0000-1234")]
    [InlineData("8613800001234")]
    [InlineData("(138)0000-1234")]
    [InlineData("１３８－００００－１２３４")]
    public void TryParse_MobileTypedAnyWay_Normalizes(string text)
    {
        Assert.True(PhoneNumber.TryParse(text, out var phone));
        Assert.Equal("13800001234", phone.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0772-6812345")]
    [InlineData("1380000123")]
    [InlineData("138000012345")]
    [InlineData("12800001234")]
    [InlineData("1380000123a")]
    public void TryParse_NotAMobile_ReturnsFalse(string? text)
    {
        Assert.False(PhoneNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("+86 138-0000-1234", "13800001234")]
    [InlineData("0771-1234567", null)]
    [InlineData(null, null)]
    public void Normalize_Text_GivesElevenDigitsOrNull(string? text, string? expected)
    {
        Assert.Equal(expected, PhoneNumber.Normalize(text));
    }

    [Fact]
    public void ToString_IsMasked()
    {
        Assert.Equal("138****1234", PhoneNumber.Parse("13800001234").ToString());
    }
}
