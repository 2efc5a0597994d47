using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Chat;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>Failed bindings reach the back office: from the navigation, ID numbers masked, region-scoped, every read audited.</summary>
public sealed class BindingFailuresBackOfficeTests
{
    private static readonly DemoDataSet Demo = DemoDataSet.Read(Path.Combine(RepositoryPaths.Content, "demo", "demo-data.json"));
    private static readonly DemoHousehold Household = Demo.Households.First(h => h.Members.Any(m => m.RelationToHead == RelationToHead.Self));
    private static readonly DemoMember Head = Household.Members.First(m => m.RelationToHead == RelationToHead.Self);

    [BrowserFact]
    public async Task BindingFailures_AfterAProbeInTheWebChat_AdministratorFindsItWithTheIdNumberMasked()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        await ProbeAsync(product);
        browser.SignIn();

        browser.GoTo("/Admin");
        browser.Find("#nav-binding-failures").Click();
        var row = browser.WaitForText("#failures tbody tr", "姓名或身份证号不符");

        Assert.Contains(IdNumber.Mask(Head.IdNumber), row.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Head.IdNumber, browser.Find("body").Text, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task BindingFailures_ForAnOperatorOfAnotherCounty_ShowsNoneOfThatHouseholdAndIsAudited()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        await ProbeAsync(product);
        var otherCounty = Demo.Households.Select(h => h.VillageCode[..6]).First(code => code != Household.VillageCode[..6]);
        var staffId = await StaffAccounts.CreateAsync(product.Services, "other-officer", "other-password-1", StaffRole.TownshipOperator, otherCounty);
        browser.SignIn("other-officer", "other-password-1");

        browser.GoTo("/Admin/Households/BindingFailures");

        Assert.Empty(browser.Driver.FindElements(By.CssSelector("#failures tbody tr")));
        Assert.Equal(1, AuditCount(product, staffId, HouseholdAuditAction.ListBindingFailures));
    }

    /// <summary>A web chat user types the head's ID number with a name that is not theirs.</summary>
    private static async Task ProbeAsync(ProductFactory product)
    {
        await ChatClient.AskAsync(product, "web-prober", "绑定");
        await ChatClient.AskAsync(product, "web-prober", "张三丰");
        await ChatClient.AskAsync(product, "web-prober", Head.IdNumber);
    }

    private static int AuditCount(ProductFactory product, int staffId, HouseholdAuditAction action)
    {
        using var scope = product.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<HouseholdAuditEntry>()
            .Count(e => e.Actor == $"staff:{staffId}" && e.Action == action);
    }
}
