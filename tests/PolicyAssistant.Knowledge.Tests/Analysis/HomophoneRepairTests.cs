using PolicyAssistant.Knowledge.Analysis;

namespace PolicyAssistant.Knowledge.Tests.Analysis;

public sealed class HomophoneRepairTests
{
    private static readonly HomophoneRepair Repair = new(["门诊", "签约", "兜底保障", "胰岛素"], writtenText: "门诊 签约 兜底保障 胰岛素 珍贵");

    [Theory]
    [InlineData("门珍能报不", "门诊能报不")]
    [InlineData("签越了有啥用", "签约了有啥用")]
    [InlineData("胰导素在村里拿", "胰岛素在村里拿")]
    public void Mend_OneCharacterSoundingLikeADomainWord_IsThatWord(string typed, string mended) =>
        Assert.Equal(mended, Repair.Mend(typed));

    [Theory]
    [InlineData("家庭医身", "家庭医生")] // eng typed as en
    [InlineData("糖料病", "糖尿病")] // n typed as l
    [InlineData("押经", "押金")] // in typed as ing
    [InlineData("纸付", "自付")] // z typed as zh
    public void Mend_SlipTheFuzzyPinyinSettingBlurs_IsThatWord(string typed, string mended) =>
        Assert.Equal(mended, new HomophoneRepair([mended], writtenText: "").Mend(typed));

    [Fact]
    public void Mend_AngTypedAsAn_IsLeftAlone() =>
        Assert.Equal("保温箱", new HomophoneRepair(["温县"], writtenText: "").Mend("保温箱"));

    [Fact]
    public void Mend_DomainWordTypedRight_IsKept() => Assert.Equal("门诊签约", Repair.Mend("门诊签约"));

    [Fact]
    public void Mend_RunTheContentItselfWrites_IsAWordNotASlip() =>
        Assert.Equal("门珍", new HomophoneRepair(["门诊"], writtenText: "这家叫门珍的店").Mend("门珍"));

    [Fact]
    public void Mend_TwoCharactersOff_IsLeftAlone() => Assert.Equal("们珍", Repair.Mend("们珍"));

    [Fact]
    public void Mend_SlipSoundingLikeTwoDomainWords_IsLeftAlone() =>
        Assert.Equal("签越", new HomophoneRepair(["签约", "签阅"], writtenText: "").Mend("签越"));

    [Fact]
    public void Mend_NoChineseAtAll_IsUnchanged() => Assert.Equal("abc 123", Repair.Mend("abc 123"));
}
