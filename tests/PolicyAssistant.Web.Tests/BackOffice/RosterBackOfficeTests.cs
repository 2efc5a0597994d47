using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OpenQA.Selenium;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.RosterWorkbooks;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>Staff import a roster workbook and read its report, and export a filtered list they can open in Excel.</summary>
public sealed class RosterBackOfficeTests
{
    [BrowserFact]
    public void RosterImport_WithOneBadRow_ReportsThatRowAndImportsTheRest()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        AddRosterRegions(product);
        var workbook = RosterWorkbooks.Save(
            Roster(households: 2).Append("成员", Row(IdNumber(0), "钱七", WithWrongCheckDigit(IdNumber(101)), "子", null, "否")),
            browser.DownloadFolder.FullName);
        browser.SignIn();

        browser.GoTo("/Admin/Households/Import");
        browser.Find("#upload input[type=file]").SendKeys(workbook);
        browser.Find("#upload button").Click();

        browser.WaitForText("#problems tbody tr", "身份证号校验位不对");
        Assert.Equal(["成员 6 身份证号校验位不对"], browser.Driver.FindElements(By.CssSelector("#problems tbody tr")).Select(row => row.Text));
        Assert.Contains("导入 16 行，有误 1 行", browser.Find("#import-status").Text, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void HouseholdList_Export_DownloadsAWorkbookOfTheFilteredHouseholds_Masked()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.SignIn();
        browser.GoTo("/Admin/Households?poor=all");
        var total = browser.Find("#total").Text;

        browser.Find("#export").Click();

        var rows = MiniExcel.Query(browser.WaitForDownload(".xlsx"), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal($"共 {rows.Count} 户", total);
        Assert.All(rows, row => Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", (string)row["户主身份证号"]!));
    }

    private static void AddRosterRegions(ProductFactory product)
    {
        using var scope = product.Services.CreateScope();
        RosterWorkbooks.AddRegionsAsync(scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>()).GetAwaiter().GetResult();
    }
}
