namespace PolicyAssistant.Web.Pages;

/// <summary>
/// The exception handler re-runs this page with the failed request's method, so a failed POST arrives here as
/// a POST, often without a form token (an API call, a webhook): it must render for a POST too, token or not.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
