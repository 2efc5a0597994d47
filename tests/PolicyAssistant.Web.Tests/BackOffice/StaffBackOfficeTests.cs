using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>Administrators manage colleagues; each colleague sees only what their role and regions allow, and loses a session the moment it changes.</summary>
public sealed class StaffBackOfficeTests
{
    private const string Qinglan = "450223801";
    private const string Wujiazhuang = "610822801";

    [BrowserFact]
    public void AddedColleagues_SignInChangeTheirPasswordAndSeeOnlyTheirLinks()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.SignIn();
        AddColleague(browser, "editor-li", "李编辑", StaffRole.ContentEditor);
        AddColleague(browser, "qinglan-wang", "王专干", StaffRole.TownshipOperator, Qinglan);
        var operatorRow = browser.WaitForText("#staff tbody tr", "王专干").Text;
        browser.SignOut();

        browser.SignIn("editor-li", "initial-password-1");
        browser.WaitForText("#must-change", "请先设置自己的新密码");
        browser.ChangePassword("initial-password-1", "editor-own-password");
        browser.GoTo("/Admin/Index");
        var editorLinks = NavigationLinks(browser);
        browser.SignOut();
        browser.SignIn("qinglan-wang", "initial-password-1");
        browser.ChangePassword("initial-password-1", "operator-own-password");
        browser.GoTo("/Admin/Households");
        var villages = browser.Driver.FindElements(By.CssSelector("#households tbody tr td:nth-child(3)")).Select(e => e.Text).ToList();

        Assert.Contains("鹿寨县青岚镇", operatorRow, StringComparison.Ordinal);
        Assert.Equal(["nav-knowledge", "nav-keywords"], editorLinks);
        Assert.NotEmpty(villages);
        Assert.All(villages, village => Assert.Contains(village, VillagesOf(product, Qinglan)));
    }

    [BrowserFact]
    public void HouseholdDetail_OfAnotherTownshipByLink_ShowsTheChineseNotFoundPage()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        StaffAccounts.CreateAsync(product.Services, "qinglan-wang", "operator-password", StaffRole.TownshipOperator, Qinglan).GetAwaiter().GetResult();
        browser.SignIn("qinglan-wang", "operator-password");

        browser.GoTo($"/Admin/Households/Detail/{HouseholdIn(product, Wujiazhuang)}");

        Assert.Equal("找不到页面", browser.WaitForText("#error-page h1", "找不到页面").Text);
        Assert.Equal("健康扶贫政策助手", browser.Find("header .brand").Text);
    }

    [BrowserFact]
    public void RoleChange_EndsTheEditorsSession()
    {
        using var product = new ProductFactory(settings: new Dictionary<string, string?> { ["BackOffice:SessionCheckInterval"] = "00:00:00" });
        using var browser = new Browser(product);
        var editor = StaffAccounts.CreateAsync(product.Services, "editor-li", "editor-password", StaffRole.ContentEditor).GetAwaiter().GetResult();
        browser.SignIn("editor-li", "editor-password");
        browser.GoTo("/Admin/Knowledge");
        var before = browser.Driver.Url;

        ChangeAccess(product, editor, StaffRole.CampaignOfficer);
        browser.GoTo("/Admin/Knowledge");

        Assert.EndsWith("/Admin/Knowledge", before, StringComparison.Ordinal);
        Assert.Contains("/Account/Login", browser.Driver.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void DisabledColleague_IsSignedOutAndCannotSignInAgain()
    {
        using var product = new ProductFactory(settings: new Dictionary<string, string?> { ["BackOffice:SessionCheckInterval"] = "00:00:00" });
        using var browser = new Browser(product);
        var editor = StaffAccounts.CreateAsync(product.Services, "editor-li", "editor-password", StaffRole.ContentEditor).GetAwaiter().GetResult();
        browser.SignIn("editor-li", "editor-password");

        using (var scope = product.Services.CreateScope())
        {
            var result = scope.ServiceProvider.GetRequiredService<SetStaffDisabledCommand>().SetDisabledAsync(AdminId(product), editor, disabled: true, CancellationToken.None).GetAwaiter().GetResult();
            Assert.IsType<StaffCommandResult.Done>(result);
        }

        browser.GoTo("/Admin/Knowledge");
        Assert.Contains("/Account/Login", browser.Driver.Url, StringComparison.Ordinal);
        browser.SignIn("editor-li", "editor-password");
        browser.WaitForText(".error", "该账号已停用");
    }

    private static void AddColleague(Browser browser, string userName, string name, StaffRole role, params string[] regions)
    {
        browser.GoTo("/Admin/Staff/Add");
        browser.Type("#Input_UserName", userName);
        browser.Type("#Input_DisplayName", name);
        browser.Find($"#Input_Role option[value={role}]").Click();
        foreach (var region in regions)
        {
            browser.Find($"#region-{region}").Click();
        }

        browser.Type("#Input_Password", "initial-password-1");
        browser.Find("#save").Click();
        browser.WaitForText("#message", $"已添加 {name}");
    }

    private static List<string> NavigationLinks(Browser browser) =>
        browser.Driver.FindElements(By.CssSelector("header nav a[id^=nav-]")).Select(a => a.GetAttribute("id")!).ToList();

    private static void ChangeAccess(ProductFactory product, int staffId, StaffRole role)
    {
        using var scope = product.Services.CreateScope();
        var result = scope.ServiceProvider.GetRequiredService<ChangeStaffAccessCommand>().ChangeAsync(AdminId(product), staffId, role, [], CancellationToken.None).GetAwaiter().GetResult();
        Assert.IsType<StaffCommandResult.Done>(result);
    }

    private static int AdminId(ProductFactory product)
    {
        using var scope = product.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<StaffUser>().Single(u => u.UserName == ProductFactory.AdminUser).Id;
    }

    private static List<string> VillagesOf(ProductFactory product, string regionCode)
    {
        using var scope = product.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<Household>()
            .Where(h => h.Village!.Code.StartsWith(regionCode)).Select(h => h.Village!.Name).Distinct().ToList();
    }

    private static int HouseholdIn(ProductFactory product, string regionCode)
    {
        using var scope = product.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<Household>()
            .Where(h => h.Village!.Code.StartsWith(regionCode)).Select(h => h.Id).First();
    }
}
