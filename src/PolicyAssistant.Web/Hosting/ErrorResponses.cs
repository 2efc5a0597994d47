using Microsoft.AspNetCore.Diagnostics;

namespace PolicyAssistant.Web.Hosting;

/// <summary>
/// What a failed request shows: a bug, the error page (for any method; see Pages/Error); a refusal without a
/// body of its own (a body that is not JSON, a number out of range, an unknown path), a short Chinese reason,
/// as a problem document under /api and as text elsewhere.
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
        app.UseStatusCodePages(WriteStatusAsync);
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

    private static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(title: Describe(http.Response.StatusCode), statusCode: http.Response.StatusCode).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(Describe(http.Response.StatusCode));
    }
}
