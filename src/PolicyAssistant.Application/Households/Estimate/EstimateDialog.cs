using System.Text;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.Settlements;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Domain.Numbers;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Estimate;

/// <summary>“住院花了一万二能报多少”: starts <see cref="EstimateDialog"/> with what the message already says.</summary>
public sealed class EstimateIntent(CurrentBindingQuery binding, PolicyParameterCatalog catalog) : IAssistantIntent
{
    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        var compact = IntentText.Compact(text);
        if (!EstimateQuestion.IsEstimateRequest(compact))
        {
            return false;
        }

        var state = EstimateQuestion.Read(compact, EstimateDialog.Counties(catalog));
        if (await binding.FindAsync(dialogContext.Context, cancellationToken) is { } bound)
        {
            // A bound household's registration and county are on file: nothing to ask, nothing to get wrong.
            state.IsRegisteredPoor = bound.IsRegisteredPoor;
            state.CountyCode = bound.CountyCode;
            state.FromBinding = true;
        }

        if (state.Outpatient)
        {
            await dialogContext.Context.SendTextAsync(EstimateDialog.OutpatientRules(state), cancellationToken, kind: ReplyKind.Estimate);
            return true;
        }

        if (state is { TotalBill: { } total, AlreadyReimbursed: { } reimbursed } && reimbursed < total)
        {
            var policy = state.CountyCode is { } code ? catalog.FindLatest(code) : null;
            await dialogContext.Context.SendActivityAsync(
                dialogContext.Context.Activity.CreateReply(EstimateDialog.SafetyNetTopUp(total, reimbursed, policy), kind: ReplyKind.Estimate, confident: true),
                cancellationToken);
            return true;
        }

        await dialogContext.BeginDialogAsync(EstimateDialog.DialogId, state, cancellationToken);
        return true;
    }
}

/// <summary>
/// Asks only for what the estimate still lacks (amount, hospital level, in county, referral when out of
/// county, registration and county when unbound), then answers with the breakdown first and the steps
/// after. Everything collected lives in dialog state, so a restart in the middle loses nothing.
/// </summary>
public sealed class EstimateDialog : ComponentDialog
{
    public const string DialogId = "estimate";

    private const string Steps = "estimate.steps";
    private const string AmountPrompt = "estimate.amount";
    private const string LevelPrompt = "estimate.level";
    private const string YesNoPrompt = "estimate.yes-no";
    private const string CountyPrompt = "estimate.county";

    private readonly PolicyParameterCatalog _catalog;
    private readonly SettlementEstimator _estimator;
    private readonly CurrentBindingQuery _binding;
    private readonly RecordHouseholdAuditCommand _audit;
    private readonly TimeProvider _clock;

    public EstimateDialog(PolicyParameterCatalog catalog, SettlementEstimator estimator, CurrentBindingQuery binding, RecordHouseholdAuditCommand audit, TimeProvider clock)
        : base(DialogId)
    {
        _catalog = catalog;
        _estimator = estimator;
        _binding = binding;
        _audit = audit;
        _clock = clock;
        AddDialog(new WaterfallDialog<EstimateState>(Steps)
            .AddStep(AskAmountAsync)
            .AddStep(AskLevelAsync)
            .AddStep(AskInCountyAsync)
            .AddStep(AskReferralAsync)
            .AddStep(AskRegistrationAsync)
            .AddStep(AskCountyAsync)
            .AddStep(AnswerAsync));
        AddDialog(new NumberPrompt<decimal>(AmountPrompt, ValidateAmountAsync) { ChineseNumberParser = ChineseAmountParser.FindAmount });
        AddDialog(new HospitalLevelPrompt(LevelPrompt));
        AddDialog(new ConfirmPrompt(YesNoPrompt));
        AddDialog(new ChoicePrompt(CountyPrompt));
    }

    /// <summary>Seeds 001 and 004: the safety net tops reimbursement up to 90% of the bill wherever no policy file says otherwise.</summary>
    public const decimal DefaultSafetyNetRatio = 0.9m;

    /// <summary>What the first reply says before its question, so the household knows what the bot understood.</summary>
    public static string Introduction(EstimateState state)
    {
        var known = new List<string>();
        if (state.TotalBill is { } bill)
        {
            known.Add($"总费用{Yuan.Format(bill)}");
        }

        if (state.HospitalLevel is { } level)
        {
            known.Add(SettlementEstimator.LevelName(level));
        }

        if (state.InCounty is { } inCounty)
        {
            known.Add(inCounty ? "县域内" : "县域外");
        }

        if (state.InCounty == false && state.HasReferral is { } referral)
        {
            known.Add(referral ? "已办转诊" : "没办转诊");
        }

        if (state.IsRegisteredPoor == true)
        {
            known.Add("建档立卡贫困户");
        }

        var care = state.Outpatient ? "门诊" : "住院";
        return known.Count == 0 ? $"帮您估算一下{care}报销，先问几句。" : $"帮您估算一下{care}报销（{string.Join("，", known)}）。";
    }

    /// <summary>An outpatient bill: the inpatient schemes do not pay it; the outpatient chronic-disease rules may.</summary>
    public static string OutpatientRules(EstimateState state) =>
        Introduction(state) + "\n"
        + "门诊费用不走住院那一套（住院医保、大病保险、医疗救助和兜底保障都只管住院）。"
        + "高血压、糖尿病、恶性肿瘤、慢性肾功能不全等门诊特殊慢性病，先到乡镇卫生院办好门诊慢性病确认（慢病证明），"
        + "以后门诊看病、拿药的费用按门诊慢病政策报销，比例和年度限额以当地医保部门的规定为准。"
        + "\n想算住院费用，发“住院费用估算”。";

    /// <summary>
    /// “总共两万，已经报了一万五，兜底再补多少”: the safety net tops reimbursement up to its ratio of the bill, so the
    /// top-up is the bill times the ratio less what was reimbursed.
    /// </summary>
    public static string SafetyNetTopUp(decimal total, decimal reimbursed, PolicyParameterSet? policy)
    {
        var ratio = policy?.SafetyNet.TargetRatio.Value ?? DefaultSafetyNetRatio;
        var target = decimal.Round(total * ratio, 2);
        var topUp = Math.Max(0m, target - reimbursed);
        var selfPay = total - reimbursed - topUp;
        var text = new StringBuilder($"帮您估算一下兜底补助：总费用{Yuan.Format(total)}，兜底保障让实际报销达到{Yuan.Percent(ratio)}，也就是{Yuan.Format(target)}；");
        text.Append(topUp > 0m
            ? $"已经报了{Yuan.Format(reimbursed)}，兜底大约再补{Yuan.Format(topUp)}，个人自付{Yuan.Format(selfPay)}。"
            : $"已经报了{Yuan.Format(reimbursed)}，已达到这个比例，兜底不再补，个人自付{Yuan.Format(selfPay)}。");
        return text.Append("\n兜底只管县域内住院和县外转诊住院的费用；实际金额以出院“一站式”结算为准。").ToString();
    }

    /// <summary>The counties the policy catalog knows, in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Counties(PolicyParameterCatalog catalog) =>
        catalog.Sets.GroupBy(set => set.CountyCode).Select(group => (group.Key, group.Last().CountyName)).OrderBy(county => county.Key, StringComparer.Ordinal).ToList();

    // The first question carries the introduction; the later ones are asked plainly.
    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<EstimateState> step, string promptId, string question, string retry, CancellationToken cancellationToken, IReadOnlyList<string>? choices = null)
    {
        var text = step.State.Announced ? question : Introduction(step.State) + "\n" + question;
        step.State.Announced = true;
        return step.PromptAsync(promptId, new PromptOptions(text, retry, choices, ReplyKind.Estimate), cancellationToken);
    }

    private static Task<DialogTurnResult> AskAmountAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken) =>
        step.State.TotalBill is null
            ? AskAsync(step, AmountPrompt, "住院总共花了多少钱？（比如 12000 或 一万二）", "请告诉我住院总费用，比如 12000 或 一万二：", cancellationToken)
            : step.NextAsync(null, cancellationToken);

    private static Task<DialogTurnResult> AskLevelAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        if (step.Result is decimal amount)
        {
            step.State.TotalBill = amount;
        }

        return step.State.HospitalLevel is null
            ? AskAsync(step, LevelPrompt, "在哪一级医院住院？", "请回复序号：", cancellationToken)
            : step.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskInCountyAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        var state = step.State;
        if (step.Result is HospitalLevel level)
        {
            state.HospitalLevel = level;
        }

        // A city or province hospital is outside every county's own hospitals.
        state.InCounty ??= state.HospitalLevel is HospitalLevel.City or HospitalLevel.Province ? false : null;
        return state.InCounty is null
            ? AskAsync(step, YesNoPrompt, "这家医院在本县（县域内）吗？", "医院在本县吗？请回复“是”或“否”：", cancellationToken)
            : step.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskReferralAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        var state = step.State;
        if (step.Result is bool inCounty)
        {
            state.InCounty = inCounty;
        }

        return state.InCounty == false && state.HasReferral is null
            ? AskAsync(step, YesNoPrompt, "去县外住院前，办了转诊（转院）手续吗？", "办了转诊手续吗？请回复“是”或“否”：", cancellationToken)
            : step.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskRegistrationAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        var state = step.State;
        if (step.Result is bool hasReferral)
        {
            state.HasReferral = hasReferral;
        }

        return state.IsRegisteredPoor is null
            ? AskAsync(step, YesNoPrompt, "您家是建档立卡贫困户吗？", "是建档立卡贫困户吗？请回复“是”或“否”：", cancellationToken)
            : step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> AskCountyAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        var state = step.State;
        if (step.Result is bool registered)
        {
            state.IsRegisteredPoor = registered;
        }

        var counties = Counties(_catalog);
        if (state.CountyCode is null && counties.Count == 1)
        {
            state.CountyCode = counties[0].Code;
        }

        return state.CountyCode is null
            ? AskAsync(step, CountyPrompt, "您家在哪个县？（各县报销政策不同）", "请回复序号：", cancellationToken, counties.Select(county => county.Name).ToList())
            : step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        var state = step.State;
        if (step.Result is FoundChoice county)
        {
            state.CountyCode = Counties(_catalog)[county.Index].Code;
        }

        var estimate = await EstimateAsync(step.Context, state, cancellationToken);
        await step.Context.SendActivityAsync(step.Context.Activity.CreateReply(estimate, kind: ReplyKind.Estimate, confident: true), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private async Task<string> EstimateAsync(ITurnContext turnContext, EstimateState state, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var countyCode = state.CountyCode!;
        var policy = _catalog.Find(countyCode, today);
        string? olderRules = null;
        if (policy is null && _catalog.FindLatest(countyCode) is { } latest)
        {
            policy = latest;
            olderRules = $"（还没有{latest.CountyName}{today.Year}年的报销参数，以下按{latest.Year}年的规则估算）";
        }

        if (policy is null)
        {
            return $"暂时没有您所在县的报销政策参数，没法估算。可以拨打{FaqResponder.Hotline}咨询。";
        }

        var request = new SettlementRequest
        {
            TotalBill = state.TotalBill!.Value,
            HospitalLevel = state.HospitalLevel!.Value,
            InCounty = state.InCounty!.Value,
            HasReferral = state.HasReferral ?? false,
            IsRegisteredPoor = state.IsRegisteredPoor!.Value,
        };
        if (request.Validate() is { Count: > 0 } problems)
        {
            return string.Join("\n", problems);
        }

        if (state.FromBinding && await _binding.FindAsync(turnContext, cancellationToken) is { } bound)
        {
            await _audit.RecordAsync(bound.User.AuditActor, HouseholdAuditAction.Estimate, bound.HouseholdId, bound.MemberId, cancellationToken);
        }

        return Format(_estimator.Estimate(request, policy), policy, olderRules);
    }

    /// <summary>For a phone: the breakdown first, then how it was worked out, then the caveat.</summary>
    public static string Format(SettlementEstimate estimate, PolicyParameterSet policy, string? olderRules)
    {
        var text = new StringBuilder($"估算结果（{policy.CountyName}{policy.Year}年政策）：");
        if (olderRules is not null)
        {
            text.Append('\n').Append(olderRules);
        }

        foreach (var line in SettlementLines.Of(estimate.Breakdown))
        {
            text.Append('\n').Append(line);
        }

        // The last step repeats the totals above.
        var steps = estimate.Steps.Take(estimate.Steps.Count - 1).ToList();
        text.Append("\n\n怎么算的：");
        for (var i = 0; i < steps.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(steps[i].Text);
        }

        if (estimate.Notice is { } notice)
        {
            text.Append("\n\n").Append(notice);
        }

        return text.ToString();
    }

    private static async Task<bool> ValidateAmountAsync(PromptValidatorContext<decimal> prompt, CancellationToken cancellationToken)
    {
        if (prompt.Recognized.Succeeded && prompt.Recognized.Value > 0m && prompt.Recognized.Value <= SettlementRequest.MaximumBill)
        {
            return true;
        }

        if (prompt.Recognized.Succeeded)
        {
            await prompt.Context.SendTextAsync("金额要大于0、不超过一亿元，请重新输入住院总费用：", cancellationToken);
        }

        return false;
    }
}
