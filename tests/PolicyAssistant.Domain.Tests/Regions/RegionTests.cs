using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Domain.Tests.Regions;

public sealed class RegionTests
{
    [Theory]
    [InlineData("450000", RegionLevel.Province, null, true)]
    [InlineData("450200", RegionLevel.City, "450000", true)]
    [InlineData("450223", RegionLevel.County, "450200", true)]
    [InlineData("450223801", RegionLevel.Township, "450223", true)]
    [InlineData("450223801201", RegionLevel.Village, "450223801", true)]
    [InlineData("450223", RegionLevel.Township, "450223", false)]
    [InlineData("610822801", RegionLevel.Township, "450223", false)]
    [InlineData("450223", RegionLevel.County, "610800", false)]
    [InlineData("45022A", RegionLevel.County, "450200", false)]
    public void IsValidCode_CodeAndParent_ChecksLengthAndNesting(string code, RegionLevel level, string? parent, bool expected)
    {
        Assert.Equal(expected, Region.IsValidCode(code, level, parent));
    }

    [Fact]
    public void CountyCode_Village_IsTheFirstSixDigits()
    {
        Assert.Equal("610822", new Region { Code = "610822802203", Name = "枣林村", Level = RegionLevel.Village }.CountyCode);
    }

    [Fact]
    public void FullName_LoadedParents_JoinsTheNames()
    {
        var county = new Region { Code = "450223", Name = "鹿寨县", Level = RegionLevel.County, Parent = new Region { Code = "450200", Name = "柳州市", Level = RegionLevel.City } };

        Assert.Equal("柳州市鹿寨县", county.FullName);
    }
}
