using System.Text.Json.Nodes;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Domain.Tests.Settlement;

public sealed class PolicyFileReaderTests
{
    [Fact]
    public void LoadDirectory_ContentPolicies_LoadsBothCounties()
    {
        var keys = Policies.Catalog.Sets.Select(set => set.Key);

        Assert.Equal(["450223-2018", "610822-2019"], keys);
    }

    [Fact]
    public void Parse_LuzhaiFile_CarriesTheSeedRules()
    {
        var set = Policies.Luzhai;

        var seedFigures = new[]
        {
            set.BasicInsurance.RegisteredPoorRateBonus,
            set.CriticalIllnessInsurance.RegisteredPoorDeductibleFactor,
            set.CriticalIllnessInsurance.RegisteredPoorRateBonus,
            set.SafetyNet.TargetRatio,
            set.TownshipHealthCenter!.HealthCenterShare,
            set.TownshipHealthCenter.CountyFinanceShare,
        };
        Assert.Equal([0.05m, 0.5m, 0.1m, 0.9m, 0.5m, 0.5m], seedFigures.Select(figure => figure.Value));
        Assert.All(seedFigures, figure => Assert.Equal(("seed-001", PolicyBasis.Seed), (figure.Source, figure.Basis)));
    }

    [Fact]
    public void Parse_LuzhaiFile_MarksBaseFiguresAsExamples()
    {
        var basic = Policies.Luzhai.BasicInsurance.Levels.County;

        Assert.All([basic.Deductible, basic.Rate, Policies.Luzhai.CriticalIllnessInsurance.Deductible],
            figure => Assert.Equal(PolicyBasis.Example, figure.Basis));
    }

    [Fact]
    public void Parse_FuguFile_HasNoSeedFigures()
    {
        Assert.DoesNotContain(Policies.Fugu.Figures(), named => named.Figure.Basis == PolicyBasis.Seed);
    }

    [Fact]
    public void Parse_SeedFigureWithoutClause_Throws()
    {
        var json = Edit("450223-2018.json", root => root["safetyNet"]!["targetRatio"]!.AsObject().Remove("clause"));

        var exception = Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse(json, "broken.json"));

        Assert.Contains("safetyNet.targetRatio has basis seed but no source and clause", exception.Message);
    }

    [Fact]
    public void Parse_RateAboveOne_ThrowsNamingTheFigure()
    {
        var json = Edit("450223-2018.json", root => root["medicalAssistance"]!["rate"]!["value"] = 60);

        var exception = Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse(json, "broken.json"));

        Assert.Contains("medicalAssistance.rate must be a fraction between 0 and 1", exception.Message);
    }

    [Fact]
    public void Parse_MissingSection_ThrowsNamingTheFile()
    {
        var json = Edit("450223-2018.json", root => root.Remove("safetyNet"));

        var exception = Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse(json, "broken.json"));

        Assert.StartsWith("Policy file broken.json is not valid", exception.Message);
    }

    [Fact]
    public void Parse_UnknownProperty_Throws()
    {
        var json = Edit("450223-2018.json", root => root["deductable"] = 5);

        Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse(json, "broken.json"));
    }

    [Fact]
    public void Parse_MissingExclusionRule_Throws()
    {
        var json = Edit("450223-2018.json", root => root["exclusions"]!.AsArray().RemoveAt(0));

        var exception = Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse(json, "broken.json"));

        Assert.Contains("exclusions has no rule for ThirdPartyLiable", exception.Message);
    }

    [Fact]
    public void Parse_FallingBands_Throws()
    {
        var json = Edit("450223-2018.json", root => root["criticalIllnessInsurance"]!["bands"]![1]!["upTo"]!["value"] = 1000);

        var exception = Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse(json, "broken.json"));

        Assert.Contains("bands must rise", exception.Message);
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        Assert.Throws<PolicyFileException>(() => PolicyFileReader.Parse("{ not json", "broken.json"));
    }

    [Fact]
    public void Find_DateInsideAPeriod_ReturnsThatSet()
    {
        Assert.Equal("450223-2018", Policies.Catalog.Find("450223", new DateOnly(2018, 12, 31))?.Key);
    }

    [Fact]
    public void Find_DateOutsideEveryPeriod_ReturnsNull()
    {
        Assert.Null(Policies.Catalog.Find("450223", new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public void FindLatest_KnownCounty_ReturnsItsNewestSet()
    {
        Assert.Equal("610822-2019", Policies.Catalog.FindLatest("610822")?.Key);
    }

    [Fact]
    public void Constructor_OverlappingSets_Throws()
    {
        var set = Policies.Luzhai;
        var overlapping = set with { Year = 2019, EffectiveFrom = new DateOnly(2018, 6, 1), EffectiveTo = null };

        Assert.Throws<PolicyFileException>(() => new PolicyParameterCatalog([set, overlapping]));
    }

    [Fact]
    public void LoadDirectory_MissingFolder_Throws()
    {
        Assert.Throws<PolicyFileException>(() => PolicyParameterCatalog.LoadDirectory(Path.Combine(Policies.Directory, "nowhere")));
    }

    private static string Edit(string fileName, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Policies.ReadJson(fileName))!.AsObject();
        edit(root);
        return root.ToJsonString();
    }
}
