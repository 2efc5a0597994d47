using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Estimate;

/// <summary>
/// The hospital level, shown as four numbered choices and answered by number or in the words people use
/// (“县医院”, “镇上卫生院”, “市级的”), which a plain choice prompt would not match to “县级医院”.
/// </summary>
public sealed class HospitalLevelPrompt(string dialogId) : Prompt<HospitalLevel>(dialogId, validator: null)
{
    public static readonly HospitalLevel[] Levels = [HospitalLevel.Township, HospitalLevel.County, HospitalLevel.City, HospitalLevel.Province];

    protected override IReadOnlyList<string> ShownChoices(PromptOptions options) => Levels.Select(SettlementEstimator.LevelName).ToList();

    protected override PromptRecognizerResult<HospitalLevel> Recognize(string text, PromptOptions options)
    {
        var answer = IntentText.Compact(text);
        if (answer.Length == 1 && answer[0] is >= '1' and <= '4')
        {
            return Recognized(Levels[answer[0] - '1']);
        }

        if (answer.Length == 1 && answer[0] is >= '１' and <= '４')
        {
            return Recognized(Levels[answer[0] - '１']);
        }

        return EstimateQuestion.ReadLevel(answer) is { } level ? Recognized(level) : PromptRecognizerResult<HospitalLevel>.Failed;
    }
}
