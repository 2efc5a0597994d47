using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Domain.Tests.Settlement;

public sealed class SettlementEstimatorTests
{
    private static readonly SettlementEstimator Estimator = new();

    private static SettlementRequest Poor(decimal total, HospitalLevel level = HospitalLevel.County, decimal? covered = null) => new()
    {
        TotalBill = total,
        CoveredCost = covered,
        HospitalLevel = level,
        IsRegisteredPoor = true,
    };

    private static SettlementBreakdown Settle(SettlementRequest request, PolicyParameterSet? policy = null) =>
        Estimator.Estimate(request, policy ?? Policies.Luzhai).Breakdown;

    [Fact]
    public void Estimate_SafetyNetApplies_SelfPayNeverAboveTenPercentOfTheBill()
    {
        var failures = RandomRequests(seed: 2018, count: 4000, poorOnly: true)
            .Select(pair => (pair.Request, pair.Policy, Estimate: Estimator.Estimate(pair.Request, pair.Policy)))
            .Where(run => run.Estimate.SafetyNetApplies && run.Estimate.Breakdown.SelfPay > run.Request.TotalBill * 0.1m)
            .Select(run => $"{run.Policy.Key} {run.Request}: self-pay {run.Estimate.Breakdown.SelfPay}")
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Estimate_AnyRequest_PartsAddUpToTheBill()
    {
        var unbalanced = RandomRequests(seed: 2019, count: 3000, poorOnly: false)
            .Select(pair => Estimator.Estimate(pair.Request, pair.Policy).Breakdown)
            .Where(breakdown => !breakdown.IsBalanced);

        Assert.Empty(unbalanced);
    }

    [Fact]
    public void Estimate_AnyRequest_NoPaymentIsNegativeOrFinerThanAFen()
    {
        var bad = RandomRequests(seed: 2020, count: 3000, poorOnly: false)
            .Select(pair => Estimator.Estimate(pair.Request, pair.Policy).Breakdown)
            .SelectMany(b => new[] { b.BasicInsurance, b.CriticalIllnessInsurance, b.SupplementaryInsurance, b.MedicalAssistance, b.SafetyNet, b.TownshipHealthCenterShare, b.CountyFinanceShare, b.SelfPay })
            .Where(amount => amount < 0m || Yuan.Round(amount) != amount);

        Assert.Empty(bad);
    }

    [Fact]
    public void Estimate_TownshipHealthCenterInCounty_SelfPayIsZero()
    {
        Assert.Equal(0m, Settle(Poor(3000m, HospitalLevel.Township)).SelfPay);
    }

    [Fact]
    public void Estimate_TownshipHealthCenterInCounty_SplitsTheRestHalfAndHalf()
    {
        var breakdown = Settle(Poor(3000m, HospitalLevel.Township));

        // 3000 → covered 2700; basic (2700−100)×95% = 2470; supplementary 230×40% = 92; assistance 138×60% = 82.80.
        Assert.Equal((177.60m, 177.60m), (breakdown.TownshipHealthCenterShare, breakdown.CountyFinanceShare));
    }

    [Fact]
    public void Estimate_TownshipHealthCenterInFugu_UsesTheSafetyNetBecauseFuguHasNoSplitRule()
    {
        var breakdown = Settle(Poor(3000m, HospitalLevel.Township), Policies.Fugu);

        Assert.Equal((0m, 300m), (breakdown.TownshipHealthCenterShare, breakdown.SelfPay));
    }

    [Fact]
    public void Estimate_SafetyNet_IsNinetyPercentOfTheBillMinusWhatWasReimbursed()
    {
        var breakdown = Settle(Poor(20000m));

        var reimbursedBefore = breakdown.BasicInsurance + breakdown.CriticalIllnessInsurance + breakdown.SupplementaryInsurance + breakdown.MedicalAssistance;
        Assert.Equal((17270.40m, 20000m * 0.9m - reimbursedBefore), (reimbursedBefore, breakdown.SafetyNet));
    }

    [Fact]
    public void Estimate_RegisteredPoor_BasicInsuranceRateIsFivePointsHigher()
    {
        var breakdown = Settle(Poor(10000m, covered: 10000m));

        Assert.Equal((10000m - 400m) * 0.85m, breakdown.BasicInsurance);
    }

    [Fact]
    public void Estimate_NotRegisteredPoor_BasicInsuranceHasNoBonus()
    {
        var breakdown = Settle(Poor(10000m, covered: 10000m) with { IsRegisteredPoor = false });

        Assert.Equal((10000m - 400m) * 0.80m, breakdown.BasicInsurance);
    }

    [Fact]
    public void Estimate_RegisteredPoor_CriticalIllnessDeductibleIsHalvedAndRateTenPointsHigher()
    {
        // City level: basic (40000−700)×75% = 29475, left 10525; deductible 15000 halved to 7500; 3025 × (55%+10%).
        var breakdown = Settle(Poor(40000m, HospitalLevel.City, covered: 40000m));

        Assert.Equal(1966.25m, breakdown.CriticalIllnessInsurance);
    }

    [Fact]
    public void Estimate_NotRegisteredPoor_CriticalIllnessDeductibleIsNotHalved()
    {
        // Basic (40000−700)×70% = 27510, left 12490: below the full 15000 deductible.
        var breakdown = Settle(Poor(40000m, HospitalLevel.City, covered: 40000m) with { IsRegisteredPoor = false });

        Assert.Equal(0m, breakdown.CriticalIllnessInsurance);
    }

    [Fact]
    public void Estimate_NotRegisteredPoor_CriticalIllnessRateHasNoBonus()
    {
        // Basic (100000−700)×70% = 69510, left 30490, over the 15000 deductible by 15490, at 55%.
        var breakdown = Settle(Poor(100000m, HospitalLevel.City, covered: 100000m) with { IsRegisteredPoor = false });

        Assert.Equal(15490m * 0.55m, breakdown.CriticalIllnessInsurance);
    }

    [Fact]
    public void Estimate_CriticalIllnessAcrossBands_PaysEachBandAtItsRate()
    {
        // 府谷县, province, not poor: basic (300000−1500)×60% = 179100, left 120900, over the 10000 deductible by
        // 110900: 50000×55% + 50000×65% + 10900×75% = 68175.
        var breakdown = Settle(Poor(300000m, HospitalLevel.Province, covered: 300000m) with { IsRegisteredPoor = false }, Policies.Fugu);

        Assert.Equal(68175m, breakdown.CriticalIllnessInsurance);
    }

    [Fact]
    public void Estimate_NotRegisteredPoor_NoSafetyNet()
    {
        var estimate = Estimator.Estimate(Poor(20000m) with { IsRegisteredPoor = false }, Policies.Luzhai);

        Assert.Equal((false, 0m), (estimate.SafetyNetApplies, estimate.Breakdown.SafetyNet));
    }

    [Fact]
    public void Estimate_NotRegisteredPoor_NoMedicalAssistanceNorSupplementaryInsurance()
    {
        var breakdown = Settle(Poor(20000m) with { IsRegisteredPoor = false });

        Assert.Equal((0m, 0m), (breakdown.MedicalAssistance, breakdown.SupplementaryInsurance));
    }

    [Fact]
    public void Estimate_NotRegisteredPoorAtTownshipHealthCenter_PaysTheRestThemselves()
    {
        var breakdown = Settle(Poor(3000m, HospitalLevel.Township) with { IsRegisteredPoor = false });

        Assert.Equal((0m, 0m, 3000m - 2340m), (breakdown.TownshipHealthCenterShare, breakdown.CountyFinanceShare, breakdown.SelfPay));
    }

    [Fact]
    public void Estimate_ZhangjiajieBillOf11804_SelfPayWithinTenPercent()
    {
        var breakdown = Settle(Poor(11804m));

        Assert.InRange(breakdown.SelfPay, 1m, 1180.40m);
    }

    [Fact]
    public void ActualReimbursementRatio_ZhangjiajieReportedStatement_IsAbove90Percent()
    {
        // Seed 004: an 11,804 yuan bill of which the patient paid 1,156 yuan, i.e. 9.8% self-pay.
        var reported = new SettlementBreakdown { TotalBill = 11804m, CoveredCost = 11804m, BasicInsurance = 11804m - 1156m, SelfPay = 1156m };

        Assert.Equal(0.9021m, reported.ActualReimbursementRatio);
    }

    [Fact]
    public void ActualReimbursementRatio_ZhangjiajieCountyTotals_IsAbout87Point85Percent()
    {
        // Seed 004 reports 7104.71 of 8087.54 (万元) reimbursed in county as 87.86%; the quotient rounds to 87.85%.
        var totals = new SettlementBreakdown { TotalBill = 8087.54m, CoveredCost = 8087.54m, BasicInsurance = 7104.71m, SelfPay = 982.83m };

        Assert.Equal(0.8785m, totals.ActualReimbursementRatio);
    }

    [Fact]
    public void Estimate_Outpatient_PaysNoInpatientScheme()
    {
        var breakdown = Settle(Poor(5000m) with { Care = CareSetting.Outpatient });

        Assert.Equal((0m, 5000m), (breakdown.TotalReimbursement, breakdown.SelfPay));
    }

    [Fact]
    public void Estimate_NonDesignatedHospital_PaysNothing()
    {
        var breakdown = Settle(Poor(5000m) with { DesignatedHospital = false });

        Assert.Equal(0m, breakdown.TotalReimbursement);
    }

    [Fact]
    public void Estimate_NonDesignatedHospitalInAnEmergency_IsSettledAsDesignated()
    {
        var emergency = Settle(Poor(5000m) with { DesignatedHospital = false, Emergency = true });

        Assert.Equal(Settle(Poor(5000m)), emergency);
    }

    [Fact]
    public void Estimate_OutOfCountyWithoutReferral_BasicInsuranceAtTheLowerRateWithoutBonus()
    {
        var breakdown = Settle(Poor(10000m, HospitalLevel.City, covered: 10000m) with { InCounty = false });

        Assert.Equal((10000m - 700m) * 0.40m, breakdown.BasicInsurance);
    }

    [Fact]
    public void Estimate_OutOfCountyWithoutReferral_NoSafetyNet()
    {
        var estimate = Estimator.Estimate(Poor(10000m, HospitalLevel.City) with { InCounty = false }, Policies.Luzhai);

        Assert.Equal((false, 0m), (estimate.SafetyNetApplies, estimate.Breakdown.SafetyNet));
    }

    [Fact]
    public void Estimate_OutOfCountyWithReferral_KeepsTheSafetyNet()
    {
        var breakdown = Settle(Poor(50000m, HospitalLevel.Province) with { InCounty = false, HasReferral = true });

        Assert.Equal(5000m, breakdown.SelfPay);
    }

    [Theory]
    [MemberData(nameof(ExclusionReasons))]
    public void Estimate_Excluded_NoSafetyNet(ExclusionReason reason)
    {
        var estimate = Estimator.Estimate(Poor(20000m) with { Exclusion = reason }, Policies.Luzhai);

        Assert.Equal((false, 0m), (estimate.SafetyNetApplies, estimate.Breakdown.SafetyNet));
    }

    [Theory]
    [MemberData(nameof(ExclusionReasons))]
    public void Estimate_Excluded_SaysWhy(ExclusionReason reason)
    {
        var estimate = Estimator.Estimate(Poor(20000m) with { Exclusion = reason }, Policies.Luzhai);

        var description = Policies.Luzhai.ExclusionFor(reason).Description;
        Assert.Contains(estimate.Steps, step => step.Scheme == SettlementScheme.SafetyNet && step.Text.Contains(description, StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_TrafficAccident_StillGetsBasicInsurance()
    {
        Assert.Equal(14960m, Settle(Poor(20000m) with { Exclusion = ExclusionReason.TrafficAccident }).BasicInsurance);
    }

    [Fact]
    public void Estimate_TreatedAbroad_NoSchemePays()
    {
        Assert.Equal(0m, Settle(Poor(20000m) with { Exclusion = ExclusionReason.Abroad }).TotalReimbursement);
    }

    [Fact]
    public void Estimate_LapsedInsurance_NoMedicalAssistance()
    {
        Assert.Equal(0m, Settle(Poor(20000m) with { Exclusion = ExclusionReason.LapsedInsurance }).MedicalAssistance);
    }

    [Fact]
    public void Estimate_OutOfCountyWithoutReferral_CriticalIllnessDeductibleIsNotHalved()
    {
        // Basic (40000−700)×40% = 15720, left 24280; the full 15000 deductible leaves 9280 at 55%.
        var breakdown = Settle(Poor(40000m, HospitalLevel.City, covered: 40000m) with { InCounty = false });

        Assert.Equal(9280m * 0.55m, breakdown.CriticalIllnessInsurance);
    }

    [Fact]
    public void Estimate_AnnualCapAlmostReached_BasicInsurancePaysOnlyWhatIsLeft()
    {
        var breakdown = Settle(Poor(20000m) with { YearToDate = new SettlementYearToDate(BasicInsurance: 149000m) });

        Assert.Equal(1000m, breakdown.BasicInsurance);
    }

    [Fact]
    public void Estimate_CoveredCostOmitted_AssumesTheDefaultShare()
    {
        Assert.Equal(10623.60m, Settle(Poor(11804m)).CoveredCost);
    }

    [Fact]
    public void Estimate_CountyHospital_ExplainsBasicInsuranceInChinese()
    {
        var estimate = Estimator.Estimate(Poor(10000m, covered: 10000m), Policies.Luzhai);

        var basic = estimate.Steps.Single(step => step.Scheme == SettlementScheme.BasicInsurance);
        Assert.Equal("基本医保：政策范围内费用10000元，扣除县级医院起付线400元，按80%+5%（建档立卡贫困人口提高5个百分点）报销，支付8160元。", basic.Text);
    }

    [Fact]
    public void Estimate_SafetyNetStep_ShowsTheFormula()
    {
        var estimate = Estimator.Estimate(Poor(20000m), Policies.Luzhai);

        var safetyNet = estimate.Steps.Single(step => step.Scheme == SettlementScheme.SafetyNet);
        Assert.Equal("兜底保障：总费用20000元×90%=18000元，减去已报销17270.40元，兜底补助729.60元，个人自付不超过总费用的10%。", safetyNet.Text);
    }

    [Fact]
    public void Estimate_ExampleFigures_NoticeSaysTheyAreExamples()
    {
        var estimate = Estimator.Estimate(Poor(20000m), Policies.Luzhai);

        Assert.Contains("示例数字", estimate.Notice);
    }

    [Fact]
    public void Estimate_CoveredCostAboveTheBill_ThrowsWithTheProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => Estimator.Estimate(Poor(100m, covered: 200m), Policies.Luzhai));

        Assert.Contains("政策范围内费用应在0元到总费用之间", exception.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.001)]
    [InlineData(200000000)]
    public void Validate_BadTotal_ReportsAProblem(decimal total)
    {
        Assert.NotEmpty(Poor(total).Validate());
    }

    public static TheoryData<ExclusionReason> ExclusionReasons() => new(Enum.GetValues<ExclusionReason>());

    /// <summary>Bills of every size, level and place, in both counties; reproducible from the seed.</summary>
    private static IEnumerable<(SettlementRequest Request, PolicyParameterSet Policy)> RandomRequests(int seed, int count, bool poorOnly)
    {
        var random = new Random(seed);
        var levels = Enum.GetValues<HospitalLevel>();
        for (var i = 0; i < count; i++)
        {
            var total = random.Next(4) switch
            {
                0 => random.Next(1, 100_000) / 100m,
                1 => random.Next(1_000, 3_000_000) / 100m,
                2 => random.Next(30_000, 500_000) + random.Next(100) / 100m,
                _ => random.Next(500_000, 3_000_000) + random.Next(100) / 100m,
            };
            decimal? covered = random.Next(3) == 0 ? null : Math.Round(total * (decimal)random.NextDouble(), 2, MidpointRounding.ToZero);
            var inCounty = random.Next(2) == 0;
            var request = new SettlementRequest
            {
                TotalBill = total,
                CoveredCost = covered,
                HospitalLevel = levels[random.Next(levels.Length)],
                InCounty = inCounty,
                HasReferral = random.Next(2) == 0,
                DesignatedHospital = poorOnly || random.Next(5) > 0,
                Emergency = random.Next(10) == 0,
                IsRegisteredPoor = poorOnly || random.Next(2) == 0,
                Care = poorOnly || random.Next(8) > 0 ? CareSetting.Inpatient : CareSetting.Outpatient,
                Exclusion = poorOnly || random.Next(6) > 0 ? null : Enum.GetValues<ExclusionReason>()[random.Next(10)],
                YearToDate = random.Next(5) == 0 ? new SettlementYearToDate(random.Next(200_000), random.Next(400_000), random.Next(50_000), random.Next(30_000)) : SettlementYearToDate.None,
            };
            yield return (request, random.Next(2) == 0 ? Policies.Luzhai : Policies.Fugu);
        }
    }
}
