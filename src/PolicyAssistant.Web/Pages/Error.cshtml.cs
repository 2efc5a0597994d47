namespace PolicyAssistant.Web.Pages;

/// <summary>
/// The exception handler re-runs this page with the failed request's method, so a failed POST arrives here as
/// a POST, often without a form token (an API call, a webhook): it must render for a POST too, token or not.
/// The status-code pages re-run it with <c>?status=</c> for a refusal (404, 403, …) shown to a browser.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Status { get; set; }

    public (string Title, string Text) Message => Status switch
    {
        StatusCodes.Status404NotFound => ("找不到页面", "您要找的页面不存在，或者不在您负责的范围内。请检查链接，或从导航重新进入。"),
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ("无权访问", "您的账号没有这个页面的权限。如需开通，请联系系统管理员。"),
        StatusCodes.Status429TooManyRequests => ("请求太频繁", "请稍等片刻再试。"),
        null or >= 500 => ("出错了", "系统处理您的请求时出了问题。请稍后再试；如果一直出现，请联系系统管理员。"),
        _ => ("请求未能完成", Hosting.ErrorResponses.Describe(Status.Value)),
    };

    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    private IActionResult Answer()
    {
        var originalPath = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { } reExecuted
            ? new PathString(reExecuted.OriginalPath)
            : Request.Path;
        return Status is not { } status || Hosting.ErrorResponses.WantsPage(Request, originalPath) ? Page() : Hosting.ErrorResponses.Reason(originalPath, status);
    }
}
