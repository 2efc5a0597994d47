using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.WeChat;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Pages.Admin;

public sealed class IndexModel(PolicyAssistantDbContext db, IOptions<WeChatOptions> wechat) : PageModel
{
    /// <summary>
    /// Outside safe mode WeChat's URL signature does not cover the body, and households bind their identity
    /// through the account: administrators are told on their home page, not only in the start-up log.
    /// </summary>
    public bool WeChatNotInSafeMode => wechat.Value.Mode != WeChatEncryptionMode.Safe;

    public int EntryCount { get; private set; }

    public int OpenUnansweredCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        EntryCount = await db.Set<KnowledgeEntry>().CountAsync(cancellationToken);
        OpenUnansweredCount = await db.Set<UnansweredQuestion>().CountAsync(q => q.Status == UnansweredStatus.Open, cancellationToken);
    }
}
