namespace PolicyAssistant.Domain.Settlement;

/// <summary>
/// Estimates how a hospital bill is settled: basic insurance, critical-illness insurance, supplementary
/// insurance, medical assistance, then the safety net (or the township health center split), explaining every
/// step in Chinese. Pure: no clock, no I/O; the same request and policy set always give the same estimate.
/// </summary>
public sealed class SettlementEstimator
{
    public SettlementEstimate Estimate(SettlementRequest request, PolicyParameterSet policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        return new Calculation(request, policy).Run();
    }

    /// <summary>One estimate in progress: the running totals and the steps written so far.</summary>
    private sealed class Calculation(SettlementRequest request, PolicyParameterSet policy)
    {
        private readonly List<SettlementStep> _steps = [];
        private readonly ExclusionRule? _exclusion = request.Exclusion is { } reason ? policy.ExclusionFor(reason) : null;
        private readonly decimal _covered = request.CoveredCost ?? Yuan.Round(request.TotalBill * policy.DefaultCoveredShare);
        private readonly bool _unreferredOutOfCounty = !request.InCounty && !request.HasReferral;

        private decimal _basic;
        private decimal _critical;
        private decimal _supplementary;
        private decimal _assistance;
        private decimal _safetyNet;
        private decimal _healthCenter;
        private decimal _countyFinance;
        private bool _safetyNetApplies;

        /// <summary>Seed 001: the poor's bonuses hold in county and, with a referral, out of county.</summary>
        private bool PoorBenefits => request.IsRegisteredPoor && !_unreferredOutOfCounty;

        private decimal Reimbursed => _basic + _critical + _supplementary + _assistance;

        public SettlementEstimate Run()
        {
            Say(null, Opening());
            if (request.Care == CareSetting.Outpatient)
            {
                Say(null, "门诊费用不适用住院报销政策（住院基本医保、大病保险、医疗救助和兜底保障）；门诊慢性病费用按门诊慢病政策报销，需先办理慢病证明。");
            }
            else if (!request.DesignatedHospital && !request.Emergency)
            {
                Say(null, "在非医保定点医疗机构就医的费用不予报销（急救、抢救除外）。");
            }
            else
            {
                SettleBasicInsurance();
                SettleCriticalIllnessInsurance();
                SettleSupplementaryInsurance();
                SettleMedicalAssistance();
                SettleSafetyNet();
            }

            var breakdown = new SettlementBreakdown
            {
                TotalBill = request.TotalBill,
                CoveredCost = _covered,
                BasicInsurance = _basic,
                CriticalIllnessInsurance = _critical,
                SupplementaryInsurance = _supplementary,
                MedicalAssistance = _assistance,
                SafetyNet = _safetyNet,
                TownshipHealthCenterShare = _healthCenter,
                CountyFinanceShare = _countyFinance,
                SelfPay = request.TotalBill - Reimbursed - _safetyNet - _healthCenter - _countyFinance,
            };
            Say(null, $"合计报销{Yuan.Format(breakdown.TotalReimbursement)}，个人自付{Yuan.Format(breakdown.SelfPay)}，实际报销比例{Yuan.Percent(breakdown.ActualReimbursementRatio)}。");
            return new SettlementEstimate(breakdown, _steps, _safetyNetApplies, policy.Key, Notice());
        }

        private string Opening()
        {
            var place = request.InCounty ? "县域内" : request.HasReferral ? "县域外（已办理转诊）" : "县域外（未办理转诊）";
            var care = request.Care == CareSetting.Outpatient ? "门诊" : "住院";
            var covered = request.CoveredCost is null
                ? $"（未提供，按总费用的{Yuan.Percent(policy.DefaultCoveredShare)}估算）"
                : string.Empty;
            return $"{place}{LevelName(request.HospitalLevel)}{care}：总费用{Yuan.Format(request.TotalBill)}，政策范围内费用{Yuan.Format(_covered)}{covered}。";
        }

        private void SettleBasicInsurance()
        {
            if (Refused(SettlementScheme.BasicInsurance, "基本医保"))
            {
                return;
            }

            var level = policy.BasicInsurance.Levels.For(request.HospitalLevel);
            var deductible = level.Deductible.Value;
            var over = _covered - deductible;
            if (over <= 0m)
            {
                Say(SettlementScheme.BasicInsurance, $"基本医保：政策范围内费用{Yuan.Format(_covered)}，未超过{LevelName(request.HospitalLevel)}起付线{Yuan.Format(deductible)}，基本医保不予支付。");
                return;
            }

            string rateText;
            decimal rate;
            if (_unreferredOutOfCounty)
            {
                rate = level.UnreferredOutOfCountyRate;
                rateText = $"县域外就医未办理转诊，按{Yuan.Percent(rate)}"
                    + (request.IsRegisteredPoor ? "（不享受贫困人口提高报销比例的政策）" : string.Empty);
            }
            else if (PoorBenefits)
            {
                var bonus = policy.BasicInsurance.RegisteredPoorRateBonus.Value;
                rate = Math.Min(1m, level.Rate + bonus);
                rateText = $"按{Yuan.Percent(level.Rate)}+{Yuan.Percent(bonus)}（建档立卡贫困人口提高{Points(bonus)}个百分点）";
            }
            else
            {
                rate = level.Rate;
                rateText = $"按{Yuan.Percent(rate)}";
            }

            var (paid, capText) = Capped(Yuan.Round(over * rate), policy.BasicInsurance.AnnualCap, request.YearToDate.BasicInsurance);
            _basic = paid;
            Say(SettlementScheme.BasicInsurance,
                $"基本医保：政策范围内费用{Yuan.Format(_covered)}，扣除{LevelName(request.HospitalLevel)}起付线{Yuan.Format(deductible)}，{rateText}报销{capText}，支付{Yuan.Format(paid)}。",
                paid);
        }

        private void SettleCriticalIllnessInsurance()
        {
            if (Refused(SettlementScheme.CriticalIllnessInsurance, "大病保险"))
            {
                return;
            }

            var critical = policy.CriticalIllnessInsurance;
            var left = _covered - Reimbursed;
            var deductible = critical.Deductible.Value;
            var deductibleText = $"起付线{Yuan.Format(deductible)}";
            if (PoorBenefits)
            {
                deductible = Yuan.Round(deductible * critical.RegisteredPoorDeductibleFactor);
                deductibleText = $"起付线{Yuan.Format(deductible)}（建档立卡贫困人口起付线降低{Yuan.Percent(1m - critical.RegisteredPoorDeductibleFactor)}）";
            }

            var over = left - deductible;
            if (over <= 0m)
            {
                Say(SettlementScheme.CriticalIllnessInsurance, $"大病保险：基本医保报销后政策范围内自付{Yuan.Format(left)}，未超过{deductibleText}，大病保险不予支付。");
                return;
            }

            var bonus = PoorBenefits ? critical.RegisteredPoorRateBonus.Value : 0m;
            var parts = new List<string>();
            var sum = 0m;
            var lower = 0m;
            foreach (var band in critical.Bands)
            {
                var upper = band.UpTo?.Value ?? decimal.MaxValue;
                var portion = Math.Min(over, upper) - lower;
                if (portion <= 0m)
                {
                    break;
                }

                var rate = Math.Min(1m, band.Rate + bonus);
                sum += portion * rate;
                var range = band.UpTo is null ? $"{Number(lower)}元以上" : $"{Number(lower)}至{Number(upper)}元";
                var rateText = bonus > 0m ? $"{Yuan.Percent(band.Rate)}+{Yuan.Percent(bonus)}" : Yuan.Percent(band.Rate);
                parts.Add($"{range}部分{Yuan.Format(portion)}按{rateText}");
                lower = upper;
            }

            var poorText = bonus > 0m ? $"，建档立卡贫困人口各段提高{Points(bonus)}个百分点" : string.Empty;
            var (paid, capText) = Capped(Yuan.Round(sum), critical.AnnualCap, request.YearToDate.CriticalIllnessInsurance);
            _critical = paid;
            Say(SettlementScheme.CriticalIllnessInsurance,
                $"大病保险：基本医保报销后政策范围内自付{Yuan.Format(left)}，扣除{deductibleText}，超过部分{Yuan.Format(over)}分段报销（{string.Join("，", parts)}{poorText}）{capText}，支付{Yuan.Format(paid)}。",
                paid);
        }

        private void SettleSupplementaryInsurance()
        {
            if (policy.SupplementaryInsurance is not { } supplementary)
            {
                return;
            }

            if (supplementary.RegisteredPoorOnly && !request.IsRegisteredPoor)
            {
                Say(SettlementScheme.SupplementaryInsurance, $"{supplementary.Name}：仅限建档立卡贫困人口，不予支付。");
                return;
            }

            if (Refused(SettlementScheme.SupplementaryInsurance, supplementary.Name))
            {
                return;
            }

            var left = _covered - Reimbursed;
            var over = left - supplementary.Deductible;
            if (over <= 0m)
            {
                Say(SettlementScheme.SupplementaryInsurance, $"{supplementary.Name}：剩余政策范围内自付{Yuan.Format(left)}，未超过起付线{Yuan.Format(supplementary.Deductible)}，不予支付。");
                return;
            }

            var deductibleText = supplementary.Deductible.Value > 0m ? $"扣除起付线{Yuan.Format(supplementary.Deductible)}后" : string.Empty;
            var (paid, capText) = Capped(Yuan.Round(over * supplementary.Rate), supplementary.AnnualCap, request.YearToDate.SupplementaryInsurance);
            _supplementary = paid;
            Say(SettlementScheme.SupplementaryInsurance,
                $"{supplementary.Name}：剩余政策范围内自付{Yuan.Format(left)}，{deductibleText}按{Yuan.Percent(supplementary.Rate)}报销{capText}，支付{Yuan.Format(paid)}。",
                paid);
        }

        private void SettleMedicalAssistance()
        {
            if (!request.IsRegisteredPoor)
            {
                Say(SettlementScheme.MedicalAssistance, "医疗救助：本估算只计算建档立卡贫困人口的医疗救助；低保、特困等对象请咨询民政部门。");
                return;
            }

            if (Refused(SettlementScheme.MedicalAssistance, "医疗救助"))
            {
                return;
            }

            var assistance = policy.MedicalAssistance;
            var left = _covered - Reimbursed;
            var (paid, capText) = Capped(Yuan.Round(left * assistance.Rate), assistance.AnnualCap, request.YearToDate.MedicalAssistance);
            _assistance = paid;
            Say(SettlementScheme.MedicalAssistance,
                $"医疗救助：剩余政策范围内自付{Yuan.Format(left)}，按{Yuan.Percent(assistance.Rate)}救助{capText}，支付{Yuan.Format(paid)}。",
                paid);
        }

        private void SettleSafetyNet()
        {
            if (!request.IsRegisteredPoor)
            {
                Say(SettlementScheme.SafetyNet, "兜底保障：仅限建档立卡贫困人口，不予补助。");
                return;
            }

            if (Refused(SettlementScheme.SafetyNet, "兜底保障"))
            {
                return;
            }

            if (_unreferredOutOfCounty)
            {
                Say(SettlementScheme.SafetyNet, "兜底保障：县外就医未按规定办理转诊转院手续，不属于兜底保障范围。");
                return;
            }

            _safetyNetApplies = true;
            var total = request.TotalBill;
            if (policy.TownshipHealthCenter is { } township && request.InCounty && request.HospitalLevel == HospitalLevel.Township)
            {
                var remaining = total - Reimbursed;
                _healthCenter = Yuan.Round(remaining * township.HealthCenterShare);
                _countyFinance = remaining - _healthCenter;
                Say(SettlementScheme.SafetyNet,
                    $"乡镇卫生院住院：各项报销后剩余个人自付{Yuan.Format(remaining)}，由乡镇卫生院补助{Yuan.Percent(township.HealthCenterShare)}（{Yuan.Format(_healthCenter)}）、县级财政兜底补助{Yuan.Percent(township.CountyFinanceShare)}（{Yuan.Format(_countyFinance)}），个人不需支付。",
                    remaining);
                return;
            }

            var target = policy.SafetyNet.TargetRatio.Value;
            // 救助 = 总费用×90% − 已报销总额; the patient's 10% is rounded down to the fen so self-pay never exceeds it.
            var targetReimbursed = total - Yuan.RoundDown(total * (1m - target));
            _safetyNet = Math.Max(0m, targetReimbursed - Reimbursed);
            Say(SettlementScheme.SafetyNet, _safetyNet == 0m
                ? $"兜底保障：已报销{Yuan.Format(Reimbursed)}，实际报销比例已达到{Yuan.Percent(target)}，无需兜底补助。"
                : $"兜底保障：总费用{Yuan.Format(total)}×{Yuan.Percent(target)}={Yuan.Format(targetReimbursed)}，减去已报销{Yuan.Format(Reimbursed)}，兜底补助{Yuan.Format(_safetyNet)}，个人自付不超过总费用的{Yuan.Percent(1m - target)}。",
                _safetyNet);
        }

        /// <summary>Writes the refusal step and returns true when the bill's exclusion reason shuts this scheme out.</summary>
        private bool Refused(SettlementScheme scheme, string name)
        {
            if (_exclusion is null || !_exclusion.Excludes.Contains(scheme))
            {
                return false;
            }

            Say(scheme, $"{name}：属于“{_exclusion.Description}”的情形，不予支付。");
            return true;
        }

        private static (decimal Paid, string Text) Capped(decimal amount, PolicyFigure cap, decimal paidThisYear)
        {
            var room = Math.Max(0m, cap.Value - paidThisYear);
            return amount <= room ? (amount, string.Empty) : (room, $"（受年度封顶线{Yuan.Format(cap.Value)}限制）");
        }

        private string? Notice()
        {
            var scope = $"说明：以上是按{policy.CountyName}{policy.Year}年政策估算的结果";
            return policy.HasExampleFigures
                ? $"{scope}，其中部分起付线、报销比例和封顶线是示例数字，实际金额以医院“一站式”结算为准。"
                : $"{scope}，实际金额以医院“一站式”结算为准。";
        }

        private void Say(SettlementScheme? scheme, string text, decimal amount = 0m) => _steps.Add(new SettlementStep(scheme, text, amount));

        private static string Points(decimal fraction) => (fraction * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

        private static string Number(decimal amount) => amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string LevelName(HospitalLevel level) => level switch
    {
        HospitalLevel.Township => "乡镇卫生院",
        HospitalLevel.County => "县级医院",
        HospitalLevel.City => "市级医院",
        HospitalLevel.Province => "省级医院",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
