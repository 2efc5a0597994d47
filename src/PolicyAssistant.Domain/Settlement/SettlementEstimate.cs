namespace PolicyAssistant.Domain.Settlement;

/// <param name="PolicySetKey">Which policy set was used, e.g. “450223-2018”.</param>
/// <param name="Steps">The reasoning, one Chinese sentence per scheme, in settlement order.</param>
/// <param name="Notice">A caveat for the patient, e.g. that some figures are only examples.</param>
public sealed record SettlementEstimate(
    SettlementBreakdown Breakdown,
    IReadOnlyList<SettlementStep> Steps,
    bool SafetyNetApplies,
    string PolicySetKey,
    string? Notice)
{
    /// <summary>The steps and the notice as one message.</summary>
    public string Explain() => string.Join("\n", Steps.Select(step => step.Text).Append(Notice).OfType<string>());
}

/// <param name="Scheme">The scheme the step is about, or null for the opening and closing lines.</param>
/// <param name="Amount">What the scheme pays in this step, when it pays anything.</param>
public sealed record SettlementStep(SettlementScheme? Scheme, string Text, decimal Amount = 0m);
