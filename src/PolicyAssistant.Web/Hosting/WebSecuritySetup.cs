using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PolicyAssistant.Web.Hosting;

/// <summary>Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, beside loopback.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>CIDR ranges of the reverse proxy (compose: its back network), e.g. 172.30.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// What every response carries and how the client is known behind nginx: security headers (also in
/// deploy/nginx.conf), HSTS on HTTPS, the forwarded client address and scheme from trusted proxies only
/// (rate limits and HSTS depend on them), the data-protection keys every instance shares, and the error responses (<see cref="ErrorResponses"/>).
/// </summary>
public static class WebSecuritySetup
{
    /// <summary>No inline script or style anywhere: pages load theirs from wwwroot. deploy/nginx.conf sends the same.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddWebSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration("ForwardedHeaders");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        // In the database, not each instance's home folder: a cookie or form token issued by one instance
        // behind the load balancer is read by the next.
        builder.Services.AddDataProtection()
            .SetApplicationName("PolicyAssistant")
            .PersistKeysToDbContext<PolicyAssistantDbContext>();
        builder.AddErrorResponses();
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use(static (context, next) =>
        {
            // On starting, so the exception handler's cleared headers and the status-code pages get them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseErrorResponses();
        return app;
    }
}
