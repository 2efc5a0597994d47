using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class IdNumberTests
{
    // The worked example of GB 11643-1999.
    private const string Standard = "11010519491231002X";

    [Fact]
    public void TryParse_StandardExample_Succeeds()
    {
        Assert.True(IdNumber.TryParse(Standard, out _));
    }

    [Fact]
    public void Parse_StandardExample_DerivesBirthDateAndSex()
    {
        var idNumber = IdNumber.Parse(Standard);

        Assert.Equal((new DateOnly(1949, 12, 31), Sex.Female), (idNumber.BirthDate, idNumber.Sex));
    }

    [Fact]
    public void Parse_OddSequence_IsMale()
    {
        Assert.Equal(Sex.Male, IdNumber.Parse("610822197512030033").Sex);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 110105 19491231 002X ")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    public void Parse_SloppyTyping_Normalizes(string text)
    {
        Assert.Equal(Standard, IdNumber.Parse(text).Value);
    }

    [Fact]
    public void Masked_ShowsFirstFourAndLastFour()
    {
        Assert.Equal("1101**********002X", IdNumber.Parse(Standard).Masked);
    }

    [Fact]
    public void ToString_IsMasked()
    {
        Assert.Equal("1101**********002X", IdNumber.Parse(Standard).ToString());
    }

    [Theory]
    [InlineData(null, IdNumberProblem.Empty)]
    [InlineData("1101051949123100", IdNumberProblem.WrongLength)]
    [InlineData("11010519491231002A", IdNumberProblem.InvalidCharacters)]
    [InlineData("1101051949123X0020", IdNumberProblem.InvalidCharacters)]
    [InlineData("010105194912310020", IdNumberProblem.InvalidRegion)]
    [InlineData("110105194902300020", IdNumberProblem.InvalidBirthDate)]
    [InlineData("110105189912310020", IdNumberProblem.InvalidBirthDate)]
    [InlineData("110105194912310021", IdNumberProblem.WrongCheckDigit)]
    public void Check_BadNumber_NamesTheProblem(string? text, IdNumberProblem expected)
    {
        Assert.Equal(expected, IdNumber.Check(text));
    }

    [Fact]
    public void Describe_WrongCheckDigit_AsksToCheckInChinese()
    {
        Assert.Contains("校验位", IdNumber.Describe(IdNumberProblem.WrongCheckDigit));
    }

    [Fact]
    public void CheckDigit_First17OfTheStandard_IsX()
    {
        Assert.Equal('X', IdNumber.CheckDigit(Standard.AsSpan(0, 17)));
    }

    [Fact]
    public void Equals_SameNumberTypedDifferently_IsEqual()
    {
        Assert.Equal(IdNumber.Parse(Standard), IdNumber.Parse(Standard.ToLowerInvariant()));
    }
}
