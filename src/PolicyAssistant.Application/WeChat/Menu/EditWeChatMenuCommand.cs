using PolicyAssistant.Application.WeChat.Api;

namespace PolicyAssistant.Application.WeChat.Menu;

public abstract record MenuEditResult
{
    public sealed record Saved : MenuEditResult;

    public sealed record Published : MenuEditResult;

    public sealed record Invalid(IReadOnlyList<string> Errors) : MenuEditResult;
}

/// <summary>The menu draft: saved after WeChat's limits are checked, and published with menu/create.</summary>
public sealed class EditWeChatMenuCommand(PolicyAssistantDbContext db, WeChatApiClient api, TimeProvider clock, ILogger<EditWeChatMenuCommand> logger)
{
    public Task<WeChatMenuDraft?> GetAsync(CancellationToken cancellationToken) =>
        db.Set<WeChatMenuDraft>().AsNoTracking().FirstOrDefaultAsync(draft => draft.Id == WeChatMenuDraft.SingleRowId, cancellationToken);

    public async Task<MenuEditResult> SaveAsync(MenuDocument menu, CancellationToken cancellationToken)
    {
        var errors = menu.Validate();
        if (errors.Count > 0)
        {
            return new MenuEditResult.Invalid(errors);
        }

        var draft = await db.Set<WeChatMenuDraft>().FindAsync([WeChatMenuDraft.SingleRowId], cancellationToken);
        if (draft is null)
        {
            draft = new WeChatMenuDraft { Json = "" };
            db.Add(draft);
        }

        draft.Json = menu.ToJson();
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new MenuEditResult.Saved();
    }

    /// <summary>Saves the menu and sends it to WeChat; WeChat's refusal comes back as a Chinese error with its errcode.</summary>
    public async Task<MenuEditResult> PublishAsync(MenuDocument menu, CancellationToken cancellationToken)
    {
        if (await SaveAsync(menu, cancellationToken) is MenuEditResult.Invalid invalid)
        {
            return invalid;
        }

        var json = menu.ToJson();
        try
        {
            await api.CreateMenuAsync(WeChatMenu.Parse(json), cancellationToken);
        }
        catch (WeChatApiException exception)
        {
            return new MenuEditResult.Invalid([$"微信拒绝了这个菜单（错误码 {exception.ErrorCode}：{exception.ErrorMessage}）。菜单已保存，可以改好后再发布。"]);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "Publishing the WeChat menu failed.");
            return new MenuEditResult.Invalid(["连不上微信服务器，菜单已保存，请稍后再发布。"]);
        }

        var draft = await db.Set<WeChatMenuDraft>().SingleAsync(d => d.Id == WeChatMenuDraft.SingleRowId, cancellationToken);
        draft.PublishedAt = clock.GetUtcNow().UtcDateTime;
        draft.PublishedJson = json;
        await db.SaveChangesAsync(cancellationToken);
        return new MenuEditResult.Published();
    }
}
