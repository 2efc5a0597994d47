using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("王秀芳", "王*芳")]
    [InlineData("李娟", "李*")]
    [InlineData("欧阳建国", "欧**国")]
    [InlineData(" 王秀芳 ", "王*芳")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    public void Mask_Name_KeepsTheFamilyNameAndTheLastCharacter(string name, string masked) =>
        Assert.Equal(masked, PersonName.Mask(name));
}
