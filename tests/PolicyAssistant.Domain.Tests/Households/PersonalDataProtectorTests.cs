using System.Security.Cryptography;
using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Domain.Tests.Households;

public sealed class PersonalDataProtectorTests
{
    private readonly PersonalDataProtector _protector = PersonalDataProtector.FromBase64(PersonalDataProtector.NewKey());

    [Fact]
    public void Unprotect_WhatWasProtected_GivesItBack()
    {
        var sealedValue = _protector.Protect(PersonalDataPurposes.IdNumber, "11010519491231002X");

        Assert.Equal("11010519491231002X", _protector.Unprotect(PersonalDataPurposes.IdNumber, sealedValue));
    }

    [Fact]
    public void Protect_SameValueTwice_GivesDifferentCiphertexts()
    {
        Assert.NotEqual(_protector.Protect("p", "x"), _protector.Protect("p", "x"));
    }

    [Fact]
    public void Protect_Always_HidesTheValue()
    {
        Assert.DoesNotContain("13800001234", _protector.Protect(PersonalDataPurposes.Phone, "13800001234"));
    }

    [Fact]
    public void Unprotect_OtherPurpose_Throws()
    {
        var sealedValue = _protector.Protect(PersonalDataPurposes.IdNumber, "11010519491231002X");

        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(PersonalDataPurposes.Phone, sealedValue));
    }

    [Fact]
    public void Unprotect_OtherKey_Throws()
    {
        var sealedValue = _protector.Protect("p", "x");
        var other = PersonalDataProtector.FromBase64(PersonalDataProtector.NewKey());

        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect("p", sealedValue));
    }

    [Theory]
    [InlineData("v1.AAAA")]
    [InlineData("v1.not base64!")]
    [InlineData("plain text")]
    public void Unprotect_DamagedValue_ThrowsCryptographicException(string damaged)
    {
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect("p", damaged));
    }

    [Fact]
    public void HashOf_SameNumber_IsStable()
    {
        var idNumber = IdNumber.Parse("11010519491231002X");

        Assert.Equal(_protector.HashOf(idNumber), _protector.HashOf(IdNumber.Parse("11010519491231002x")));
    }

    [Fact]
    public void HashOf_OtherKey_Differs()
    {
        var idNumber = IdNumber.Parse("11010519491231002X");
        var other = PersonalDataProtector.FromBase64(PersonalDataProtector.NewKey());

        Assert.NotEqual(_protector.HashOf(idNumber), other.HashOf(idNumber));
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PersonalDataProtector(new byte[16]));
    }
}
