using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>The reports dashboard in a real chromium, under the site's Content-Security-Policy.</summary>
public sealed class ReportsBrowserTests
{
    [BrowserFact]
    public void Dashboard_ForAnAdministrator_ShowsEveryFigureAndDrawsItsChartLocally()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.SignIn();

        browser.GoTo("/Admin/Reports");

        Assert.Equal(6, browser.Driver.FindElements(By.CssSelector("#figures tbody tr")).Count);
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElements(By.CssSelector("#figure-chart svg")).Count > 0);
    }

    [BrowserFact]
    public void Dashboard_UnknownRegionName_SaysSoInChinese()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.SignIn();

        browser.GoTo("/Admin/Reports?region=%E4%B8%8D%E5%AD%98%E5%9C%A8%E9%95%87");

        Assert.Equal("没有找到您负责范围内名为“不存在镇”的县、乡镇或村。", browser.Find("p.error").Text);
    }
}
