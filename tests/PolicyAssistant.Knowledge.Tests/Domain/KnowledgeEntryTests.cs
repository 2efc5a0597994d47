using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Tests.Domain;

public sealed class KnowledgeEntryTests
{
    [Theory]
    [InlineData("2018-07-19", false)]
    [InlineData("2018-07-20", true)]
    [InlineData("2020-12-31", true)]
    [InlineData("2021-01-01", false)]
    public void IsInForce_Day_IsInsideTheEffectivePeriod(string day, bool expected)
    {
        var entry = new KnowledgeEntry { EffectiveFrom = new DateOnly(2018, 7, 20), EffectiveTo = new DateOnly(2020, 12, 31) };
        Assert.Equal(expected, entry.IsInForce(DateOnly.Parse(day)));
    }

    [Fact]
    public void IsInForce_NoDates_IsAlwaysInForce() => Assert.True(new KnowledgeEntry().IsInForce(DateOnly.MinValue));

    [Theory]
    [InlineData(null, true)]
    [InlineData("450223", true)]
    [InlineData("450223101", true)]
    [InlineData("610822", false)]
    [InlineData("4502", false)]
    public void AppliesTo_County_MatchesTheCountyAndCodesBelowIt(string? region, bool expected) =>
        Assert.Equal(expected, new KnowledgeEntry { Regions = ["450223"] }.AppliesTo(region));

    [Fact]
    public void AppliesTo_AllRegions_MatchesAnyRegion() => Assert.True(new KnowledgeEntry().AppliesTo("610822"));
}
