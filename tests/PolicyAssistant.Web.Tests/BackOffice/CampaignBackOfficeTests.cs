using OpenQA.Selenium;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>A campaign message from draft to every recipient, approved by a second officer, in the browser.</summary>
public sealed class CampaignBackOfficeTests
{
    private static readonly Dictionary<string, string?> FastSending = new()
    {
        ["Campaigns:PollInterval"] = "00:00:00.200",
        ["Campaigns:SmsRatePerSecond"] = "500",
        ["Sms:Dispatch:PollInterval"] = "00:00:00.200",
    };

    [BrowserFact]
    public void Campaign_DraftedCountedPreviewedApprovedBySecondOfficer_SentToEveryoneWithVillageStatistics()
    {
        using var product = new ProductFactory(settings: FastSending);
        using var author = new Browser(product);
        AddCampaignOfficer(product, "officer-a");
        AddCampaignOfficer(product, "officer-b");
        author.SignIn("officer-a", "officer-password-1");
        DraftMessage(author);

        author.Find("#compose button[formaction*='handler=Preview'], #compose button[name='handler'][value='Preview']").Click();
        var count = int.Parse(author.WaitForText("#audience-count", "").Text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 0);
        // WeChat is unticked in the draft: every recipient the count holds goes by SMS, and the page says so before sending.
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), author.Find("#audience-routes tr[data-route='sms'] td:last-child").Text);
        Assert.Contains("三月是健康扶贫政策宣传月", author.Find("#preview-text").Text, StringComparison.Ordinal);
        Assert.All(author.Driver.FindElements(By.CssSelector("#audience-sample li")), li => Assert.Contains("*", li.Text, StringComparison.Ordinal));

        DraftMessage(author);
        author.Find("#compose button[formaction*='handler=Add']").Click();
        author.WaitForText("#notice", "请另一位工作人员审批");
        var messageUrl = author.Driver.Url;

        // The same browser as the second officer: one product serves one browser.
        author.Driver.Manage().Cookies.DeleteAllCookies();
        var approver = author;
        approver.SignIn("officer-b", "officer-password-1");
        approver.Driver.Navigate().GoToUrl(messageUrl);
        approver.Find("form.approve button").Click();
        approver.WaitForText("#notice", "已审批");
        // The sender puts the audience into the outbox within a poll or two; the bar appears from then on.
        for (var tries = 0; tries < 50 && approver.Driver.FindElements(By.CssSelector(".progress")).Count == 0; tries++)
        {
            Thread.Sleep(200);
            approver.Driver.Navigate().Refresh();
        }

        approver.WaitForText(".progress .label", "100%");
        approver.Driver.Navigate().Refresh();

        var villages = approver.Driver.FindElements(By.CssSelector(".village-statistics tbody tr"));
        Assert.Equal(count, villages.Sum(row => int.Parse(row.FindElements(By.CssSelector("td"))[2].Text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [BrowserFact]
    public void Preview_TemplateMessage_ShowsTheSmsAHouseholdWithoutWeChatReceives()
    {
        using var product = new ProductFactory(settings: FastSending);
        using var author = new Browser(product);
        AddCampaignOfficer(product, "officer-a");
        author.SignIn("officer-a", "officer-password-1");
        DraftMessage(author);
        author.Type("#Input_Body", "thing1=健康扶贫政策宣传月\ntime2=2026年3月1日起");
        author.Find("#Input_WeChatKind option[value='Template']").Click();

        author.Find("#compose button[formaction*='handler=Preview']").Click();

        Assert.Equal("【鹿寨县卫健局】宣传月通知：健康扶贫政策宣传月；2026年3月1日起。拒收请回复R", author.WaitForText("#preview-sms", "拒收").Text);
    }

    [BrowserFact]
    public void Approve_OwnMessage_RefusedAndStillADraft()
    {
        using var product = new ProductFactory(settings: FastSending);
        using var author = new Browser(product);
        AddCampaignOfficer(product, "officer-a");
        author.SignIn("officer-a", "officer-password-1");
        DraftMessage(author);
        author.Find("#compose button[formaction*='handler=Add']").Click();
        author.WaitForText("#notice", "请另一位工作人员审批");

        author.Find("form.approve button").Click();

        author.WaitForText("#notice", "不能审批自己起草的消息");
        Assert.Contains("草稿", author.Find("section.message .status").Text, StringComparison.Ordinal);
    }

    /// <summary>A new campaign with an SMS message to everyone, typed into the compose form (not yet submitted).</summary>
    private static void DraftMessage(Browser browser)
    {
        if (!browser.Driver.Url.Contains("/Admin/Campaigns/Detail", StringComparison.Ordinal))
        {
            browser.GoTo("/Admin/Campaigns");
            browser.Type("#Input_Name", "2026年健康扶贫政策宣传月");
            browser.Type("#Input_Theme", "先诊疗后付费");
            browser.Find("#Input_StartsOn").SendKeys("03012026");
            browser.Find("#Input_EndsOn").SendKeys("03312026");
            browser.Find("#new-campaign button").Click();
            browser.WaitForText("h1", "2026年健康扶贫政策宣传月");
        }

        browser.Type("#Input_Title", "宣传月通知");
        browser.Type("#Input_Body", "{姓名}您好，三月是健康扶贫政策宣传月，住院先诊疗后付费。");
        var wechat = browser.Find("#compose input[name='Input.Channels'][value='WeChat']");
        if (wechat.Selected) wechat.Click();
        var sms = browser.Find("#compose input[name='Input.Channels'][value='Sms']");
        if (!sms.Selected) sms.Click();
    }

    private static void AddCampaignOfficer(ProductFactory product, string userName) =>
        StaffAccounts.CreateAsync(product.Services, userName, "officer-password-1", StaffRole.CampaignOfficer).GetAwaiter().GetResult();
}
