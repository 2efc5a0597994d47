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

    [Theory]
    [InlineData("身份证 450223 19800101 123X 王芳", "身份证 4502**********123X 王芳")]
    [InlineData("身份证4502 2319 8001 0112 3x", "身份证4502**********123X")]
    [InlineData("身份证450223-19800101-1234", "身份证4502**********1234")]
    [InlineData("身份证450223－19800101－1234", "身份证4502**********1234")]
    [InlineData("身份证450223 - 19800101 - 1234", "身份证4502**********1234")]
    [InlineData("身份证４５０２２３１９８００１０１１２３Ｘ", "身份证4502**********123X")]
    [InlineData("身份证４５０２２３　１９８００１０１　１２３ｘ", "身份证4502**********123X")]
    [InlineData("身份证450223１９８００１０１123X", "身份证4502**********123X")]
    public void Mask_IdNumberAsTyped_IsMaskedLikeThePlainForm(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.Mask(text));

    [Theory]
    [InlineData("电话139 0000 1111", "电话139****1111")]
    [InlineData("电话139-0000-1111", "电话139****1111")]
    [InlineData("电话139－0000－1111", "电话139****1111")]
    [InlineData("电话 1 3 9 0 0 0 0 1 1 1 1 ", "电话 139****1111 ")]
    [InlineData("电话１３９００００１１１１", "电话139****1111")]
    [InlineData("电话１３９　００００　１１１１", "电话139****1111")]
    [InlineData("电话+86 139 0000 1111", "电话+86 139****1111")]
    public void Mask_MobileNumberAsTyped_IsMaskedLikeThePlainForm(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.Mask(text));

    [Theory]
    [InlineData("2026-11-24 10:00 住院，花了 12 000 元")]
    [InlineData("报销比例 90%，封顶 100 000 元")]
    [InlineData("电话 0772-1234567")]
    public void Mask_NumbersThatAreNotPersonal_AreKept(string text) =>
        Assert.Equal(text, PersonalDataRedaction.Mask(text));

    [Fact]
    public void Mask_Null_IsNull() => Assert.Null(PersonalDataRedaction.Mask(null));
}
