using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application;

namespace PolicyAssistant.Web.Hosting;

/// <summary>
/// Request limits (appsettings.json "RateLimits"); a request over one gets a 429. Binding's name + ID lookups are
/// limited in the same section (<c>BindingLookupLimits</c>), counted in the database.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Off only for load runs on loopback, which send far more than any household.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>/api/chat per chat user id: a person types a few messages a minute.</summary>
    public WindowLimit ChatPerUser { get; set; } = new() { PermitLimit = 20 };

    /// <summary>/api/chat per client address: generous, because a village or a mobile carrier puts many people behind one.</summary>
    public WindowLimit ChatPerAddress { get; set; } = new() { PermitLimit = 300 };

    /// <summary>Staff log-in attempts per client address (many names tried from one place).</summary>
    public WindowLimit LoginPerAddress { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(5) };

    /// <summary>Log-in attempts per account name (one name tried from many places), beside the account's lock-out.</summary>
    public WindowLimit LoginPerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>/wechat and /sms/* per source address: WeChat's and the SMS gateway's servers send every household's messages.</summary>
    public WindowLimit WebhookPerAddress { get; set; } = new() { PermitLimit = 6000 };
}

/// <summary>Limits keyed by what only the handler knows (the chat user id, the account name typed), checked there.</summary>
public sealed class KeyedRateLimiters : IDisposable
{
    public KeyedRateLimiters(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        ChatUsers = RateLimitSetup.Partitioned(limits.Enabled, limits.ChatPerUser);
        LoginAccounts = RateLimitSetup.Partitioned(limits.Enabled, limits.LoginPerAccount);
    }

    public PartitionedRateLimiter<string> ChatUsers { get; }

    public PartitionedRateLimiter<string> LoginAccounts { get; }

    public void Dispose()
    {
        ChatUsers.Dispose();
        LoginAccounts.Dispose();
    }
}

/// <summary>
/// ASP.NET Core's rate limiter: per client address for the chat API, staff log-in and the webhooks (the
/// address is nginx's X-Forwarded-For, believed from trusted proxies only), and <see cref="KeyedRateLimiters"/>
/// for per-user and per-account limits. A refused person reads why in Chinese.
/// </summary>
public static class RateLimitSetup
{
    public const string ChatPolicy = "chat";
    public const string LoginPolicy = "login";
    public const string TooManyMessages = "您发送得太频繁了，请稍等一会儿再试。";
    public const string TooManyLogins = "登录尝试过于频繁，请稍后再试。";

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        builder.Services.AddSingleton<KeyedRateLimiters>();
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AddPageApplicationModelConvention(
            "/Account/Login", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(LoginPolicy))));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.AddPolicy(ChatPolicy, context => ByAddress(context, limits.Enabled, limits.ChatPerAddress));
            // Showing the log-in form costs nothing; only attempts count.
            options.AddPolicy(LoginPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? ByAddress(context, limits.Enabled, limits.LoginPerAddress)
                : RateLimitPartition.GetNoLimiter(""));
            // The webhooks are mapped with their channels; they are recognised by path so that a forged flood is
            // refused before its signature is even checked or logged.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsWebhook(context.Request.Path)
                ? ByAddress(context, limits.Enabled, limits.WebhookPerAddress)
                : RateLimitPartition.GetNoLimiter(""));
        });
        return builder;
    }

    internal static PartitionedRateLimiter<string> Partitioned(bool enabled, WindowLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => enabled
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => FixedWindow(limit))
            : RateLimitPartition.GetNoLimiter(""));

    private static RateLimitPartition<string> ByAddress(HttpContext context, bool enabled, WindowLimit limit) =>
        enabled
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => FixedWindow(limit))
            : RateLimitPartition.GetNoLimiter("");

    private static FixedWindowRateLimiterOptions FixedWindow(WindowLimit limit) =>
        new() { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true };

    private static bool IsWebhook(PathString path) =>
        path.StartsWithSegments("/wechat", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/sms", StringComparison.OrdinalIgnoreCase);

    /// <summary>A 429 for the chat API, in the shape of its other refusals, so the chat page can show the message.</summary>
    public static ProblemHttpResult TooManyMessagesProblem(TimeSpan? retryAfter) =>
        TypedResults.Problem(title: TooManyMessages, statusCode: StatusCodes.Status429TooManyRequests, extensions: RetryAfter(retryAfter));

    private static Dictionary<string, object?>? RetryAfter(TimeSpan? retryAfter) =>
        retryAfter is { } wait ? new() { ["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds) } : null;

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        TimeSpan? retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        if (retryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(seconds.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TooManyMessagesProblem(retryAfter).ExecuteAsync(http);
        }
        else if (!IsWebhook(http.Request.Path))
        {
            // The log-in page: a person reads this.
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(TooManyLogins, cancellationToken);
        }
    }
}
