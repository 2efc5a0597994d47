using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.Binding;

namespace PolicyAssistant.Application.Households;

/// <summary>
/// 俺家今年医保交上没 / 俺还在贫困户名单上不 / 老伴的体检结果咋样: a household's own record that the bot cannot
/// show yet. It is still the household's data, so an unbound user is offered binding like any other record, and a
/// bound one is told who keeps it; a menu of policy entries would answer a question nobody asked.
/// </summary>
public sealed class HouseholdRecordIntent(BindingGate gate) : IAssistantIntent
{
    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (RecordQuestion.Classify(IntentText.Compact(text)) is not ({ Lookup: false } topic, RecordReading.Own))
        {
            return false;
        }

        if (await gate.RequireAsync(dialogContext, topic.Name, cancellationToken) is not null)
        {
            await dialogContext.Context.SendTextAsync(
                $"您家的{topic.Name}暂时还不能在这里查。可以问村医、乡镇卫生院或您家的帮扶责任人，也可以拨打{FaqResponder.Hotline}。",
                cancellationToken,
                kind: ReplyKind.Personal);
        }

        return true;
    }
}
