using PolicyAssistant.Application.Assistant;

namespace PolicyAssistant.Application.Households.Binding;

/// <summary>绑定 / 绑定身份 / 认证 (and the menu's 绑定): starts <see cref="BindingDialog"/>.</summary>
public sealed class BindIntent : IAssistantIntent
{
    private static readonly HashSet<string> Words = ["绑定", "绑定身份", "身份绑定", "认证", "身份认证", "实名认证", "我要绑定", "绑定户主", "绑定身份证"];

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!Words.Contains(IntentText.Compact(text)))
        {
            return false;
        }

        await dialogContext.BeginDialogAsync(BindingDialog.DialogId, null, cancellationToken);
        return true;
    }
}

/// <summary>解绑: removes the user's binding at once (binding again is always possible).</summary>
public sealed class UnbindIntent(CurrentBindingQuery binding, UnbindCommand command) : IAssistantIntent
{
    private static readonly HashSet<string> Words = ["解绑", "解除绑定", "取消绑定", "解绑身份", "解除身份绑定"];

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!Words.Contains(IntentText.Compact(text)))
        {
            return false;
        }

        var turnContext = dialogContext.Context;
        var unbound = await command.UnbindAsync(binding.UserOf(turnContext), cancellationToken);
        CurrentBindingQuery.Forget(turnContext);
        await turnContext.SendTextAsync(
            unbound ? "已解除绑定，这个账号不再能查看您家的信息。需要时再发“绑定”。" : "您还没有绑定身份。需要时发“绑定”。",
            cancellationToken);
        return true;
    }
}
