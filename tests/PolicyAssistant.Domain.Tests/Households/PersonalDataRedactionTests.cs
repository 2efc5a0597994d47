using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class PersonalDataRedactionTests
{
    [Theory]
    [InlineData("我的身份证号是45022319800101123X", "我的身份证号是4502**********123X")]
    [InlineData("450223198001011234，王芳", "4502**********1234，王芳")]
    [InlineData("电话13900001111帮我查", "电话139****1111帮我查")]
    [InlineData("住院花了12000元能报多少", "住院花了12000元能报多少")]
    [InlineData("订单号12345678901234567890", "订单号12345678901234567890")]
    public void Mask_FreeText_MasksIdAndMobileNumbersOnly(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.Mask(text));

    [Fact]
    public void Mask_Null_IsNull() => Assert.Null(PersonalDataRedaction.Mask(null));
}
