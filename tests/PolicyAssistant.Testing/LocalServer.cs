using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyAssistant.Testing;

/// <summary>The web apps the tests run themselves (fake providers, channel hosts): on 127.0.0.1 at a free port, without logging.</summary>
public static class LocalServer
{
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Where a started app listens, with a trailing slash: relative API paths resolve below it.</summary>
    public static Uri AddressOf(WebApplication app) => new(app.Urls.First().TrimEnd('/') + "/");
}
