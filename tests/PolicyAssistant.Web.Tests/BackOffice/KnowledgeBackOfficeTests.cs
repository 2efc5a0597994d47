using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Chat;
using PolicyAssistant.Web.Tests.WeChat;

namespace PolicyAssistant.Web.Tests.BackOffice;

public sealed class KnowledgeBackOfficeTests
{
    private const string WeChatToken = "curation-test-token";
    private const string Question = "村里大喇叭啥时候讲政策";
    private const string Monday = "每周一早上八点，村广播站播报一次健康扶贫政策";
    private const string Friday = "每周五晚上七点，村广播站播报一次健康扶贫政策";

    [BrowserFact]
    public async Task NewEntry_CreatedAndPublished_IsAnsweredInChatAndWeChat_FirstInTheHitTest_AndRollsBack()
    {
        using var product = new ProductFactory(settings: new Dictionary<string, string?>
        {
            ["WeChat:Token"] = WeChatToken,
            ["WeChat:AppId"] = "wx0123456789abcdef",
            ["WeChat:Mode"] = "Plaintext",
        });
        using var browser = new Browser(product);
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        await StaffAccounts.CreateAsync(product.Services, "editor-li", "editor-password-1", StaffRole.ContentEditor);
        browser.SignIn("editor-li", "editor-password-1");

        browser.GoTo("/Admin/Knowledge/Edit");
        browser.Type("#Input_Title", "村广播站播报健康扶贫政策");
        browser.Type("#Input_Summary", Monday + "，错过了可以到村卫生室要宣传单。");
        browser.Type("#Input_Body", "**宣传单**放在村卫生室。<script>alert(1)</script>");
        browser.WaitForText("#preview strong", "宣传单");
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("#preview script")));
        browser.Type("#Input_Questions", Question);
        browser.Type("#Input_EffectiveFrom", "2018年7月20日");
        browser.Type("#Input_Source", "测试用条目");
        browser.Find("#save").Click();
        browser.WaitForText(".notice", "已保存为草稿");
        var id = browser.Driver.Url.Split('/')[^1];
        Assert.StartsWith("kb-", id, StringComparison.Ordinal);
        Assert.DoesNotContain(Monday, (await ChatClient.AskAsync(client, "draft-check", Question)).Reply);

        browser.Find("#publish").Click();
        browser.WaitForText(".notice", "已发布");

        browser.GoTo("/Chat");
        browser.Type("#question", Question);
        browser.Find("#send").Click();
        browser.WaitForText(".message.bot .text", Monday);
        var wechat = await SignedWeChatMessages.SendTextAsync(client, WeChatToken, "oUser-broadcast", 9001, Question);
        Assert.Contains(Monday, wechat.Element("Content")!.Value);

        browser.GoTo("/Admin/Knowledge/HitTest?Question=" + Uri.EscapeDataString(Question));
        Assert.Equal(id, browser.Find("#ranking tbody tr").GetAttribute("data-id"));
        browser.WaitForText("#reply", Monday);

        browser.GoTo($"/Admin/Knowledge/Edit/{id}");
        browser.Type("#Input_Summary", Friday + "。");
        browser.Find("#save").Click();
        browser.WaitForText(".notice", "已保存");
        Assert.Contains(Friday, (await ChatClient.AskAsync(client, "after-edit", Question)).Reply);

        browser.GoTo($"/Admin/Knowledge/History/{id}");
        browser.WaitForText("#diff", Friday);
        browser.Find("#versions tr[data-number='1'] button.rollback").Click();
        browser.Driver.SwitchTo().Alert().Accept();
        browser.WaitForText(".notice", "已恢复到第 1 版");

        Assert.Contains(Monday, (await ChatClient.AskAsync(client, "after-rollback", Question)).Reply);
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
    public void UnansweredGroup_AddedToAnEntry_BecomesItsQuestions()
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
        var entry = row.FindElement(By.CssSelector("input[name=entryId]"));
        entry.Clear();
        entry.SendKeys("basic-insurance-bonus");
        row.FindElement(By.CssSelector("button.assign")).Click();
        browser.WaitForText(".notice", "已把这组问法加到条目 basic-insurance-bonus");

        using var scope = product.Services.CreateScope();
        var saved = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<KnowledgeEntry>().AsNoTracking().Single(e => e.Id == "basic-insurance-bonus");
        Assert.Contains("北京的医保怎么报销", saved.Questions);
    }
}
