using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Application.Tests.Sms;

/// <summary>
/// A bot for the channel's tests: it answers "答：" + the question, a long policy answer for "长答案",
/// two replies for "两条", nothing for "沉默", and throws for "出错". It records every activity it was given.
/// </summary>
public sealed class TestBot : IBot
{
    public const string LongAnswer =
        "建档立卡贫困户住院实行先诊疗后付费，入院时不用交押金。出院时在医院一站式结算窗口办理，基本医保、大病保险、医疗救助一次结清。" +
        "县域内住院的实际报销比例不低于百分之九十，个人自付部分超出的由兜底保障补足。" +
        "患有高血压、糖尿病等慢性病的，可以向乡镇卫生院申请门诊慢性病确认，通过后门诊费用也能报销。" +
        "家庭医生团队每月随访一次，有问题可以直接联系签约医生。" +
        "外出务工人员在县域外住院的，先办理转诊手续，回来后凭发票和出院小结到县医保局报销。";

    private readonly List<Activity> _received = [];

    public IReadOnlyList<Activity> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        lock (_received)
        {
            _received.Add(turnContext.Activity);
        }

        switch (turnContext.Activity.Text)
        {
            case "沉默":
                return;
            case "出错":
                throw new InvalidOperationException("The bot broke.");
            case "两条":
                await turnContext.SendTextAsync("第一条", cancellationToken);
                await turnContext.SendTextAsync("第二条", cancellationToken);
                return;
            case "长答案":
                await turnContext.SendTextAsync(LongAnswer, cancellationToken);
                return;
            default:
                await turnContext.SendTextAsync("答：" + turnContext.Activity.Text, cancellationToken);
                return;
        }
    }
}
