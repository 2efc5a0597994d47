using Microsoft.AspNetCore.Authorization;
using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Application.Sms;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Sms;

[Authorize(Policy = BackOfficePolicies.Administrator)]
public sealed class IndexModel(SmsOutboxCommands outbox, RevealBindingCodeCommand codes) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public SmsOutboxPage Outbox { get; private set; } = new([], 1, 1, 0);

    public bool CodesCanBeRevealed => codes.IsAvailable;

    /// <summary>The code revealed by the last post, shown once on this response.</summary>
    public (long Id, string Text)? Revealed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Outbox = await outbox.ListAsync(PageNumber, cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        Message = await outbox.RetryAsync(id, cancellationToken) ? $"短信 {id} 已重新排队发送。" : $"短信 {id} 不是发送失败的短信，不能重发。";
        return RedirectToPage(new { pageNumber = PageNumber });
    }

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken cancellationToken)
    {
        if (await codes.RevealAsync(id, User.ToStaffScope().StaffUserId, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        // Rendered on this response and not redirected: the code is never put in TempData or a URL.
        Revealed = (id, text);
        Outbox = await outbox.ListAsync(PageNumber, cancellationToken);
        return Page();
    }

    public static string StatusName(SmsOutboundStatus status) => status switch
    {
        SmsOutboundStatus.Queued => "排队中",
        SmsOutboundStatus.Sending => "发送中",
        SmsOutboundStatus.Unconfirmed => "待确认",
        SmsOutboundStatus.Accepted => "已提交",
        SmsOutboundStatus.Delivered => "已送达",
        SmsOutboundStatus.Failed => "发送失败",
        SmsOutboundStatus.Skipped => "已退订，未发",
        _ => status.ToString(),
    };

    public static string KindName(SmsKind kind) => kind switch
    {
        SmsKind.Reply => "答复",
        SmsKind.VerificationCode => "验证码",
        SmsKind.Campaign => "政策宣传",
        _ => kind.ToString(),
    };
}
