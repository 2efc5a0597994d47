using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Conversation.Dialogs.Prompts;

namespace PolicyAssistant.Application.Households.Chronic;

/// <summary>
/// 我妈的慢病办下来没有 / 慢病证明办好了吗 / 我的慢病: the chronic certifications of the bound household, of
/// one member when the message names a relative. “How do I apply” questions stay with the knowledge base.
/// </summary>
public sealed class ChronicIntent(BindingGate gate, GetCertificationsQuery query) : IAssistantIntent
{
    public static bool Matches(string text) =>
        RecordQuestion.Read(IntentText.Compact(text), RecordQuestion.ChronicCertification) == RecordReading.Own;

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!Matches(text))
        {
            return false;
        }

        if (await gate.RequireAsync(dialogContext, "慢病证明", cancellationToken) is not { } bound)
        {
            return true;
        }

        var members = await query.LoadMembersAsync(bound, cancellationToken);
        switch (Relatives.Match(IntentText.Compact(text), bound.MemberId, members))
        {
            case RelativeMatch.Named { Candidates.Count: 1 } named:
                await dialogContext.Context.SendPersonalAsync(await query.AnswerAsync(bound, named.Candidates[0].MemberId, cancellationToken), cancellationToken);
                break;
            case RelativeMatch.Named named:
                var candidates = named.Candidates.Count > 0 ? named.Candidates : members;
                await dialogContext.BeginDialogAsync(ChronicMemberDialog.DialogId, new ChronicMemberState
                {
                    MemberIds = candidates.Select(person => person.MemberId).ToList(),
                    Labels = candidates.Select(person => person.Label).ToList(),
                }, cancellationToken);
                break;
            default:
                await dialogContext.Context.SendPersonalAsync(await query.AnswerAsync(bound, memberId: null, cancellationToken), cancellationToken);
                break;
        }

        return true;
    }
}

/// <summary>The members the message may mean, by id, and how they are shown (masked names only).</summary>
public sealed class ChronicMemberState
{
    public List<int> MemberIds { get; set; } = [];

    public List<string> Labels { get; set; } = [];
}

/// <summary>Asks which member a chronic question is about when the kin word fits several (or none).</summary>
public sealed class ChronicMemberDialog : ComponentDialog
{
    public const string DialogId = "chronic-member";
    public const string WholeHousehold = "全家";

    private const string Steps = "chronic-member.steps";
    private const string Choice = "chronic-member.choice";

    private readonly CurrentBindingQuery _binding;
    private readonly GetCertificationsQuery _query;

    public ChronicMemberDialog(CurrentBindingQuery binding, GetCertificationsQuery query)
        : base(DialogId)
    {
        _binding = binding;
        _query = query;
        AddDialog(new WaterfallDialog<ChronicMemberState>(Steps).AddStep(AskAsync).AddStep(AnswerAsync));
        AddDialog(new ChoicePrompt(Choice));
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<ChronicMemberState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(Choice, new PromptOptions("想查家里哪一位的慢病证明？", "请回复序号：", [.. step.State.Labels, WholeHousehold]), cancellationToken);

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<ChronicMemberState> step, CancellationToken cancellationToken)
    {
        var picked = (FoundChoice)step.Result!;

        // Bound again at answer time: a user who unbound meanwhile sees nothing.
        if (await _binding.FindAsync(step.Context, cancellationToken) is { } bound)
        {
            int? memberId = picked.Index < step.State.MemberIds.Count ? step.State.MemberIds[picked.Index] : null;
            await step.Context.SendPersonalAsync(await _query.AnswerAsync(bound, memberId, cancellationToken), cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}
