using System.Text;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.Settlements;
using PolicyAssistant.Conversation.Dialogs;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Households;
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

    /// <summary>The counties the policy catalog knows, in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Counties(PolicyParameterCatalog catalog) =>
        catalog.Sets.GroupBy(set => set.CountyCode).Select(group => (group.Key, group.Last().CountyName)).OrderBy(county => county.Key, StringComparer.Ordinal).ToList();

    private static Task<DialogTurnResult> AskAmountAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken) =>
        step.State.TotalBill is null
            ? step.PromptAsync(AmountPrompt, new PromptOptions("住院总共花了多少钱？（比如 12000 或 一万二）", "请告诉我住院总费用，比如 12000 或 一万二："), cancellationToken)
            : step.NextAsync(null, cancellationToken);

    private static Task<DialogTurnResult> AskLevelAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        if (step.Result is decimal amount)
        {
            step.State.TotalBill = amount;
        }

        return step.State.HospitalLevel is null
            ? step.PromptAsync(LevelPrompt, new PromptOptions("在哪一级医院住院？", "请回复序号："), cancellationToken)
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
            ? step.PromptAsync(YesNoPrompt, new PromptOptions("这家医院在本县（县域内）吗？", "医院在本县吗？请回复“是”或“否”："), cancellationToken)
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
            ? step.PromptAsync(YesNoPrompt, new PromptOptions("去县外住院前，办了转诊（转院）手续吗？", "办了转诊手续吗？请回复“是”或“否”："), cancellationToken)
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
            ? step.PromptAsync(YesNoPrompt, new PromptOptions("您家是建档立卡贫困户吗？", "是建档立卡贫困户吗？请回复“是”或“否”："), cancellationToken)
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
            ? step.PromptAsync(CountyPrompt, new PromptOptions("您家在哪个县？（各县报销政策不同）", "请回复序号：", counties.Select(county => county.Name).ToList()), cancellationToken)
            : step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<EstimateState> step, CancellationToken cancellationToken)
    {
        var state = step.State;
        if (step.Result is FoundChoice county)
        {
            state.CountyCode = Counties(_catalog)[county.Index].Code;
        }

        await step.Context.SendTextAsync(await EstimateAsync(step.Context, state, cancellationToken), cancellationToken);
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
