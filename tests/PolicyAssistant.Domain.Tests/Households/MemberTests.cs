using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class MemberTests
{
    private readonly PersonalDataProtector _protector = PersonalDataProtector.FromBase64(PersonalDataProtector.NewKey());

    private Member Create() => Member.Create("韦秀兰", RelationToHead.Self, IdNumber.Parse("11010519491231002X"), PhoneNumber.Parse("19900001234"), _protector);

    [Fact]
    public void Create_KeepsOnlyMaskedFormsInTheClear()
    {
        var member = Create();

        Assert.Equal(("1101**********002X", "199****1234"), (member.IdNumberMasked, member.PhoneMasked));
    }

    [Fact]
    public void Create_DerivesBirthDateAndSexFromTheIdNumber()
    {
        var member = Create();

        Assert.Equal((new DateOnly(1949, 12, 31), Sex.Female), (member.BirthDate, member.Sex));
    }

    [Fact]
    public void Create_HashMatchesALookupOfTheSameNumber()
    {
        Assert.Equal(_protector.HashOf(IdNumber.Parse("11010519491231002x")), Create().IdNumberHash);
    }

    [Fact]
    public void RevealIdNumber_WithTheKey_GivesTheNumber()
    {
        Assert.Equal("11010519491231002X", Create().RevealIdNumber(_protector).Value);
    }

    [Fact]
    public void RevealPhone_WithTheKey_GivesThePhone()
    {
        Assert.Equal("19900001234", Create().RevealPhone(_protector)?.Value);
    }

    [Fact]
    public void SetPhone_Null_ClearsAllPhoneColumns()
    {
        var member = Create();

        member.SetPhone(null, _protector);

        Assert.Equal((null, null, null), (member.PhoneHash, member.PhoneCiphertext, member.PhoneMasked));
    }

    [Theory]
    [InlineData("2019-12-30", 69)]
    [InlineData("2019-12-31", 70)]
    public void AgeOn_AroundTheBirthday_CountsWholeYears(string date, int expected)
    {
        Assert.Equal(expected, Create().AgeOn(DateOnly.Parse(date)));
    }
}
