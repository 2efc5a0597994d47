
namespace PolicyAssistant.Web.Hosting;

/// <summary>
/// What a failed request shows: a bug, the error page (for any method; see Pages/Error); a refusal without a
/// body of its own (a body that is not JSON, a number out of range, an unknown path), the error page for that
/// status to a browser, and otherwise a short Chinese reason, as a problem document under /api and as text elsewhere.
/// </summary>
internal static class ErrorResponses
{
    public static IHostApplicationBuilder AddErrorResponses(this IHostApplicationBuilder builder)
    {
        // Development would throw on an unreadable body and show a 500; every environment answers 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        return builder;
    }

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");

        // Re-executed (not a handler of its own), so the page runs through routing and the site layout; the Error page
        // answers a browser with that page, an API client or a webhook with the short reason.
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        return app;
    }

    public static string Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误：请检查内容的格式，以及数字是否在合理范围内。",
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "没有权限访问。",
        StatusCodes.Status404NotFound => "找不到您要的页面或接口。",
        StatusCodes.Status405MethodNotAllowed => "不支持这种请求方式。",
        StatusCodes.Status413PayloadTooLarge => "请求内容太大。",
        StatusCodes.Status415UnsupportedMediaType => "请求内容的格式不受支持，请使用 JSON。",
        StatusCodes.Status429TooManyRequests => "请求太频繁，请稍后再试。",
        _ => $"请求未能完成（{status}）。",
    };

    /// <summary>A person in a browser (it asks for HTML), not an API client or a webhook.</summary>
    public static bool WantsPage(HttpRequest request, PathString originalPath) =>
        !originalPath.StartsWithSegments("/api")
        && request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The short reason, as a problem document under /api and as text elsewhere.</summary>
    public static IActionResult Reason(PathString originalPath, int status) => originalPath.StartsWithSegments("/api")
        ? new ObjectResult(new ProblemDetails { Title = Describe(status), Status = status }) { StatusCode = status, ContentTypes = { "application/problem+json" } }
        : new ContentResult { Content = Describe(status), ContentType = "text/plain; charset=utf-8", StatusCode = status };
}
