using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

public sealed class KnowledgeBackOfficeTests
{
    [BrowserFact]
    public void NewEntry_SavedInTheBackOffice_IsAnsweredInTheChatWithoutARestart()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.SignIn();

        browser.GoTo("/Admin/Knowledge/Edit");
        browser.Type("#Input_Id", "village-broadcast");
        browser.Type("#Input_Title", "村广播站播报健康扶贫政策");
        browser.Type("#Input_Summary", "每周一早上八点，村广播站播报一次健康扶贫政策，错过了可以到村卫生室要宣传单。");
        browser.Type("#Input_Questions", "村里大喇叭啥时候讲政策");
        browser.Type("#Input_Source", "测试用条目");
        browser.Find("#save").Click();
        browser.WaitForText(".notice", "已保存 village-broadcast");

        browser.GoTo("/Chat");
        browser.Type("#question", "村里大喇叭啥时候讲政策");
        browser.Find("#send").Click();

        browser.WaitForText(".message.bot .text", "村广播站播报一次健康扶贫政策");
    }

    [BrowserFact]
    public void SignIn_WrongPassword_StaysOutAndSaysSo()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);

        browser.SignIn(password: "not-the-password");

        browser.WaitForText(".error", "用户名或密码不正确");
        browser.GoTo("/Admin/Knowledge");
        Assert.Contains("/Account/Login", browser.Driver.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void UnansweredQuestion_PointedAtAnEntry_BecomesOneOfItsQuestions()
    {
        using var product = new ProductFactory();
        using var browser = new Browser(product);
        browser.GoTo("/Chat");
        browser.Type("#question", "北京的医保怎么报销");
        browser.Find("#send").Click();
        browser.WaitForText(".message.bot .text", "只能回答本地");
        browser.SignIn();

        browser.GoTo("/Admin/Knowledge/Unanswered");
        var row = browser.WaitForText("#unanswered tbody tr", "北京的医保怎么报销");
        row.FindElement(By.CssSelector("option[value='basic-insurance-bonus']")).Click();
        row.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.WaitForText(".notice", "已把这个问法加到条目 basic-insurance-bonus");

        using var scope = product.Services.CreateScope();
        var entry = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<KnowledgeEntry>().AsNoTracking().Single(e => e.Id == "basic-insurance-bonus");
        Assert.Contains("北京的医保怎么报销", entry.Questions);
    }
}
