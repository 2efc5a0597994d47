using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>What the pages do from script files under the Content-Security-Policy, and what staff see of typed numbers.</summary>
public sealed class ContentSecurityPolicyBrowserTests
{
    [BrowserFact]
    public void DeleteEntry_ConfirmationDismissed_KeepsTheEntry()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.SignIn();
        browser.GoTo("/Admin/Knowledge/Edit/treat-first-pay-later");

        browser.Find("form[data-confirm] button[type=submit]").Click();
        browser.Driver.SwitchTo().Alert().Dismiss();

        using var scope = product.Services.CreateScope();
        Assert.True(scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<KnowledgeEntry>().AsNoTracking().Any(e => e.Id == "treat-first-pay-later"));
    }

    [BrowserFact]
    public void UnansweredPage_NumberTypedWithSpaces_ShowsItMasked()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.GoTo("/Chat");
        browser.Type("#question", "北京的医保怎么报销，我电话139 0000 1111");
        browser.Find("#send").Click();
        browser.WaitForText(".message.bot .text", "只能回答本地");
        browser.SignIn();

        browser.GoTo("/Admin/Knowledge/Unanswered");
        var row = browser.WaitForText("#unanswered tbody tr", "北京的医保怎么报销");

        Assert.Equal((true, false), (row.Text.Contains("139****1111", StringComparison.Ordinal), row.Text.Contains("0000 1111", StringComparison.Ordinal)));
    }
}
