using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>Staff see the households of their own region only, never a whole ID number, and every read is audited.</summary>
public sealed class HouseholdBackOfficeTests
{
    private const string FuguCounty = "610822";

    [BrowserFact]
    public void HouseholdList_ForACountyOfficer_ShowsOnlyThatCountyWithMaskedIdNumbers()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        var staffId = AddCountyOfficer(product);
        browser.SignIn("fugu-officer", "fugu-password-1");

        browser.GoTo("/Admin/Households");
        var idNumbers = browser.Driver.FindElements(By.CssSelector("#households tbody tr td:nth-child(5)")).Select(e => e.Text).ToList();

        Assert.NotEmpty(idNumbers);
        Assert.All(idNumbers, id => Assert.Matches(@"^6108\*{10}[0-9]{3}[0-9X]$", id));
        Assert.True(AuditCount(product, staffId, HouseholdAuditAction.ListHouseholds) >= 1);
    }

    [BrowserFact]
    public void HouseholdDetail_OfAnotherCounty_IsNotFoundAndNotAudited()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        var staffId = AddCountyOfficer(product);
        var otherCountyHousehold = HouseholdOutside(product, FuguCounty);
        browser.SignIn("fugu-officer", "fugu-password-1");

        browser.GoTo($"/Admin/Households/Detail/{otherCountyHousehold}");

        Assert.DoesNotContain("家庭成员", browser.Find("body").Text, StringComparison.Ordinal);
        Assert.Equal(0, AuditCount(product, staffId, HouseholdAuditAction.ViewHousehold));
    }

    private static int AddCountyOfficer(ProductFactory product) =>
        StaffAccounts.CreateAsync(product.Services, "fugu-officer", "fugu-password-1", StaffRole.TownshipOperator, FuguCounty).GetAwaiter().GetResult();

    private static int HouseholdOutside(ProductFactory product, string county)
    {
        using var scope = product.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<Household>()
            .Where(h => !h.Village!.Code.StartsWith(county)).Select(h => h.Id).First();
    }

    private static int AuditCount(ProductFactory product, int staffId, HouseholdAuditAction action)
    {
        using var scope = product.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<HouseholdAuditEntry>()
            .Count(e => e.Actor == $"staff:{staffId}" && e.Action == action);
    }
}
