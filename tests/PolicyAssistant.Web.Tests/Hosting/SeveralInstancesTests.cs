using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>Two instances of the product on one PostgreSQL database, as the compose file runs them behind nginx.</summary>
public sealed partial class SeveralInstancesTests
{
    private static readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions NoCookieJar = new() { AllowAutoRedirect = false, HandleCookies = false };

    [PostgresFact]
    public async Task LoginForm_FromOneInstance_SignsInOnTheOther()
    {
        using var database = TestDatabase.CreatePostgres();
        using var first = new ProductFactory(database);
        using var second = new ProductFactory(database);
        using var firstClient = first.CreateClient(NoCookieJar);
        using var secondClient = second.CreateClient(NoCookieJar);

        // The form and its anti-forgery cookie from the first instance, posted to the second.
        var form = await firstClient.GetAsync("/Account/Login");
        var antiforgeryCookie = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = ProductFactory.AdminUser,
                ["Input.Password"] = ProductFactory.AdminPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await secondClient.SendAsync(login);
        var staffCookie = Cookies(signedIn).Single(c => c.StartsWith("pa.staff=", StringComparison.Ordinal));

        // The sign-in cookie from the second, shown to the first.
        using var backOffice = new HttpRequestMessage(HttpMethod.Get, "/Admin");
        backOffice.Headers.Add("Cookie", staffCookie);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.SendAsync(backOffice)).StatusCode);
    }

    [PostgresFact]
    public async Task KeyRing_IsKeptInTheDatabase()
    {
        using var product = new ProductFactory(DatabaseProvider.PostgreSql);
        using var client = product.CreateClient(NoCookieJar);
        await client.GetAsync("/Account/Login");

        using var scope = product.Services.CreateScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().DataProtectionKeys.ToListAsync());
    }

    [PostgresFact]
    public void PostgreSqlWithoutPersonalDataKey_RefusesToStart()
    {
        using var product = new ProductFactory(DatabaseProvider.PostgreSql, new Dictionary<string, string?> { ["Households:PersonalDataKey"] = "" });

        var refused = Assert.Throws<InvalidOperationException>(() => product.CreateClient());

        Assert.Contains("Households__PersonalDataKey", refused.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
