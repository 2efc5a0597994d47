using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>What binding has collected. The ID number is never kept: it is looked up in the step that receives it.</summary>
public sealed class BindingState
{
    public string? Name { get; set; }
}

/// <summary>The code step: which challenge, and what to ask (the first question, or a retry with attempts left).</summary>
public sealed class VerifyCodeState
{
    public long ChallengeId { get; set; }

    public string Question { get; set; } = "";
}

/// <summary>
/// 绑定: name, ID number (checked with its check digit), a 6-digit code sent by SMS to the phone on file,
/// then the binding. Over SMS the sender's number is the user (see <see cref="SendCodeToSmsSenderAsync"/>).
/// </summary>
public sealed partial class BindingDialog : ComponentDialog
{
    public const string DialogId = "binding";

    public const string LockedText = "输错的次数太多，为保护您家的信息，绑定已暂停1小时。请稍后再试，或到村卫生室、乡镇卫生院办理。";
    public const string NotFoundText = "没有找到与这个姓名和身份证号相符的档案。请核对后再发“绑定”重试；信息没错的话，请联系村卫生室或拨打12345。";
    public const string SmsNotFoundText = "没有找到与这个姓名和身份证号相符、又登记了这个手机号的档案。短信绑定只能用您家档案里登记的手机号：请核对后再发“绑定”重试，或在微信公众号里绑定；要登记或更换手机号，请到村卫生室或乡镇卫生院办理。";
    public const string NoPhoneText = "您的档案里没有登记手机号，收不到验证码。请到村卫生室或乡镇卫生院登记手机号后再绑定，或拨打12345咨询。";
    public const string BoundText = "绑定成功！现在可以问：\n· 我的家庭医生\n· 我家的慢病证明办好了吗\n· 上次住院报了多少\n· 住院花了一万能报多少\n不想用了，随时发“解绑”。";

    private const string Steps = "binding.steps";
    private const string NamePrompt = "binding.name";
    private const string IdNumberPrompt = "binding.id-number";
    private const string CodeSteps = "binding.code";
    private const string CodePrompt = "binding.code.text";
    private const int MaxRetries = 3;

    private readonly CurrentBindingQuery _binding;
    private readonly FindMemberToBindQuery _findMember;
    private readonly SendBindingCodeCommand _sendCode;
    private readonly VerifyBindingCodeCommand _verifyCode;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<BindingOptions> _options;
    private readonly TimeProvider _clock;

    public BindingDialog(
        CurrentBindingQuery binding,
        FindMemberToBindQuery findMember,
        SendBindingCodeCommand sendCode,
        VerifyBindingCodeCommand verifyCode,
        IServiceScopeFactory scopes,
        IOptions<BindingOptions> options,
        TimeProvider clock)
        : base(DialogId)
    {
        _binding = binding;
        _findMember = findMember;
        _sendCode = sendCode;
        _verifyCode = verifyCode;
        _scopes = scopes;
        _options = options;
        _clock = clock;
        AddDialog(new WaterfallDialog<BindingState>(Steps)
            .AddStep(AskNameAsync)
            .AddStep(AskIdNumberAsync)
            .AddStep(FindMemberAsync)
            .AddStep(static (step, ct) => step.EndDialogAsync(step.Result, ct)));
        AddDialog(new TextPrompt(NamePrompt, ValidateNameAsync) { MaxRetries = MaxRetries });
        AddDialog(new TextPrompt(IdNumberPrompt, ValidateIdNumberAsync) { MaxRetries = MaxRetries });
        AddDialog(new WaterfallDialog<VerifyCodeState>(CodeSteps).AddStep(AskCodeAsync).AddStep(CheckCodeAsync));
        AddDialog(new TextPrompt(CodePrompt, ValidateCodeFormatAsync) { MaxRetries = MaxRetries });
    }

    private async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext<BindingState> step, CancellationToken cancellationToken)
    {
        if (await _binding.FindAsync(step.Context, cancellationToken) is not null)
        {
            await step.Context.SendTextAsync("您已经绑定过身份了。要换成家里其他人，请先发“解绑”，再重新绑定。", cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.PromptAsync(NamePrompt, new PromptOptions(
            "好的，先核对身份（只用来查您家自己的服务记录）。\n请输入您的姓名，和身份证上一致：",
            "请输入您的姓名（汉字），和身份证上一致：", Kind: ReplyKind.Binding), cancellationToken);
    }

    private static Task<DialogTurnResult> AskIdNumberAsync(WaterfallStepContext<BindingState> step, CancellationToken cancellationToken)
    {
        step.State = new BindingState { Name = (string)step.Result! };
        return step.PromptAsync(IdNumberPrompt, new PromptOptions("请输入您的18位身份证号（最后一位可能是X）：", "请输入18位身份证号：", Kind: ReplyKind.Binding), cancellationToken);
    }

    /// <summary>
    /// Looks the member up and sends the code, answering no sooner than <see cref="BindingOptions.LookupTime"/> after
    /// the lookup began: found or not, the answer takes as long (replies leave when the turn ends, after the wait).
    /// </summary>
    private async Task<DialogTurnResult> FindMemberAsync(WaterfallStepContext<BindingState> step, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var result = await LookUpAndSendCodeAsync(step, cancellationToken);
        var rest = _options.Value.LookupTime - _clock.GetElapsedTime(started);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, _clock, cancellationToken);
        }

        return result;
    }

    private async Task<DialogTurnResult> LookUpAndSendCodeAsync(WaterfallStepContext<BindingState> step, CancellationToken cancellationToken)
    {
        var idNumber = IdNumber.Parse(IdNumberIn((string)step.Result!));
        var user = _binding.UserOf(step.Context);
        var overSms = step.Context.Activity.ChannelId == SmsAdapter.ChannelId;
        var smsSender = overSms && PhoneNumber.TryParse(step.Context.Activity.From.Id, out var sender) ? sender : null;
        var lookup = await _findMember.FindAsync(user, step.State.Name ?? "", idNumber, smsSender, cancellationToken);
        step.State = new BindingState();
        switch (lookup)
        {
            case MemberLookup.Found found when overSms:
                return await SendCodeToSmsSenderAsync(step, user, found, cancellationToken);
            case MemberLookup.Found found:
                return await SendCodeAsync(step, user, found, sendTo: null, cancellationToken);
            case MemberLookup.Locked:
                await step.Context.SendTextAsync(LockedText, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case MemberLookup.Throttled throttled:
                await step.Context.SendTextAsync(ThrottledText(throttled.Wait), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            default:
                await step.Context.SendTextAsync(overSms ? SmsNotFoundText : NotFoundText, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> SendCodeAsync(
        WaterfallStepContext<BindingState> step, ChannelUser user, MemberLookup.Found found, PhoneNumber? sendTo, CancellationToken cancellationToken)
    {
        var sending = await _sendCode.SendAsync(user, found.MemberId, sendTo, cancellationToken);
        if (sending is CodeSending.Sent sent)
        {
            return await step.BeginDialogAsync(CodeSteps, new VerifyCodeState
            {
                ChallengeId = sent.ChallengeId,
                Question = $"验证码已发到 {sent.PhoneMasked}，5分钟内有效。请输入短信里的6位验证码：",
            }, cancellationToken);
        }

        await step.Context.SendTextAsync(sending switch
        {
            CodeSending.NoPhoneOnFile => NoPhoneText,
            CodeSending.TooManyCodes => "验证码发送太频繁了，请过一小时再试。",
            _ => LockedText,
        }, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>“查询太频繁，请10分钟后再试。”: whole minutes, rounded up.</summary>
    public static string ThrottledText(TimeSpan wait) =>
        $"查询太频繁，请{Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))}分钟后再试。为保护您家的信息，姓名和身份证号的查询次数有限制。";

    /// <summary>
    /// Over SMS the user is the sender's number. Household data goes by SMS only to a phone on file for that
    /// household (<see cref="SmsIdentity"/>), so any other number is refused, in the words used when nobody is
    /// found: a different answer would tell a stranger's phone that the person is on the register. The code is
    /// kept even for a number on file, and sent to that number: the number is only what the provider's inbound
    /// callback says, and a code delivered through the provider proves the texter really holds the phone, should a
    /// callback ever be forged. (It also lets a son whose phone is on file bind for a mother who has none.)
    /// </summary>
    private async Task<DialogTurnResult> SendCodeToSmsSenderAsync(
        WaterfallStepContext<BindingState> step, ChannelUser user, MemberLookup.Found found, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<SmsIdentity>();
        var sender = step.Context.Activity.From.Id;
        if (PhoneNumber.TryParse(sender, out var phone)
            && await identity.MayReceiveHouseholdDataAsync(sender, found.HouseholdId.ToString(CultureInfo.InvariantCulture), cancellationToken))
        {
            return await SendCodeAsync(step, user, found, phone, cancellationToken);
        }

        await step.Context.SendTextAsync(SmsNotFoundText, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskCodeAsync(WaterfallStepContext<VerifyCodeState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(CodePrompt, new PromptOptions(step.State.Question, "请输入短信里的6位数字验证码：", Kind: ReplyKind.Binding), cancellationToken);

    private async Task<DialogTurnResult> CheckCodeAsync(WaterfallStepContext<VerifyCodeState> step, CancellationToken cancellationToken)
    {
        var user = _binding.UserOf(step.Context);
        var check = await _verifyCode.VerifyAsync(user, step.State.ChallengeId, Digits((string)step.Result!), cancellationToken);
        switch (check)
        {
            case CodeCheck.Bound:
                CurrentBindingQuery.Forget(step.Context);
                await step.Context.SendTextAsync(BoundText, cancellationToken);
                return await step.EndDialogAsync(true, cancellationToken);
            case CodeCheck.Wrong wrong:
                return await step.ReplaceDialogAsync(CodeSteps, new VerifyCodeState
                {
                    ChallengeId = step.State.ChallengeId,
                    Question = $"验证码不对，还可以再输{wrong.AttemptsLeft}次。请重新输入：",
                }, cancellationToken);
            case CodeCheck.Expired:
                await step.Context.SendTextAsync("验证码已过期（5分钟内有效）。请重新发“绑定”获取新的验证码。", cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            default:
                await step.Context.SendTextAsync(LockedText, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    private static async Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var name = prompt.Recognized.Value?.Trim() ?? "";
        if (prompt.Recognized.Succeeded && name.Length is >= 2 and <= 20 && !name.Any(char.IsDigit))
        {
            return true;
        }

        await RetryOrGiveUpAsync(prompt, "请先输入姓名（汉字，和身份证上一致）：", cancellationToken);
        return false;
    }

    private static async Task<bool> ValidateIdNumberAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var problem = IdNumber.Check(IdNumberIn(prompt.Recognized.Value ?? ""));
        if (problem == IdNumberProblem.None)
        {
            return true;
        }

        await RetryOrGiveUpAsync(prompt, IdNumber.Describe(problem) + "\n请重新输入18位身份证号：", cancellationToken);
        return false;
    }

    private static async Task<bool> ValidateCodeFormatAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (Digits(prompt.Recognized.Value ?? "").Length == 6)
        {
            return true;
        }

        await RetryOrGiveUpAsync(prompt, "验证码是短信里的6位数字，请重新输入：", cancellationToken);
        return false;
    }

    /// <summary>The retry question, or, when the prompt is about to give up, why binding stopped.</summary>
    private static Task RetryOrGiveUpAsync<T>(PromptValidatorContext<T> prompt, string retry, CancellationToken cancellationToken) =>
        prompt.Context.SendTextAsync(
            prompt.AttemptCount > MaxRetries ? "输入有误的次数太多，已退出绑定。需要时再发“绑定”。" : retry,
            cancellationToken);

    /// <summary>The ID number in an answer such as “身份证号：4502…”, or the answer itself when it holds none.</summary>
    private static string IdNumberIn(string text)
    {
        var compact = IdNumber.Normalize(text);
        return IdNumberPattern().Match(compact) is { Success: true } match ? match.Value : compact;
    }

    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9X](?![0-9X])")]
    private static partial Regex IdNumberPattern();

    /// <summary>“１２３ 456” → “123456”: full-width digits folded, everything else dropped.</summary>
    private static string Digits(string text) => string.Concat(text
        .Select(TextFolding.Fold)
        .Where(char.IsAsciiDigit));
}
