using OpenQA.Selenium;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.WeChat;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>
/// What staff do for the official account once its server URL points here, end to end: the page in chromium, the
/// product on Kestrel, signed messages on /wechat, and the fake WeChat API recording what the product sends it.
/// </summary>
public sealed class WeChatOfficeBackOfficeTests
{
    private const string Token = "office-test-token";

    private static ProductFactory Product(FakeWeChatApi api) => new(settings: new Dictionary<string, string?>(api.Settings)
    {
        ["WeChat:Token"] = Token,
        ["WeChat:Mode"] = "Plaintext",
    });

    private static HttpClient ClientOf(Browser browser) => new() { BaseAddress = new Uri(browser.BaseUrl) };

    [BrowserFact]
    public async Task KeywordRule_AddedInThePage_AnswersASignedWeChatMessage()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        using var product = Product(api);
        using var browser = new Browser(product);
        browser.SignIn();

        browser.GoTo("/Admin/WeChat/Keywords");
        browser.Type("#Input_Keyword", "开会时间");
        browser.Find("#Input_Match option[value='Contains']").Click();
        browser.Type("#Input_ReplyText", "村民大会每月15日上午九点在村委会开。");
        browser.Find("#save").Click();
        browser.WaitForText(".notice", "已保存关键词“开会时间”");
        browser.WaitForText("#rules tbody tr", "开会时间");

        using var client = ClientOf(browser);
        var reply = await SignedWeChatMessages.SendTextAsync(client, Token, "oKeyword", 8001, "請問開會時間是幾點？");

        Assert.Equal("村民大会每月15日上午九点在村委会开。", reply.Element("Content")!.Value);
    }

    [BrowserFact]
    public async Task Menu_PublishedInThePage_ReachesTheFakeWeChatServerAsMenuCreateJson()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        using var product = Product(api);
        using var browser = new Browser(product);
        browser.SignIn();

        browser.GoTo("/Admin/WeChat/Menu");
        browser.Type("#Buttons_0__Name", "政策问答");
        browser.Find("#Buttons_0__Key option[value='POLICY_QA']").Click();
        browser.Type("#Buttons_1__Name", "我的服务");
        browser.Find("fieldset.menu-top:nth-of-type(2) summary").Click();
        browser.Type("#Buttons_1__Subs_0__Name", "查签约医生");
        browser.Find("#Buttons_1__Subs_0__Key option[value='FAMILY_DOCTOR']").Click();
        browser.Type("#Buttons_1__Subs_1__Name", "政策原文");
        browser.Find("#Buttons_1__Subs_1__Action option[value='view']").Click();
        browser.Type("#Buttons_1__Subs_1__Url", "https://example.gov.cn/policy");
        browser.Type("#Buttons_2__Name", "转人工");
        browser.Find("#Buttons_2__Key option[value='HUMAN_AGENT']").Click();
        browser.Find("#publish").Click();
        browser.WaitForText(".notice", "菜单已发布到公众号");

        var call = await api.WaitForCallAsync("cgi-bin/menu/create");
        Assert.Equal(
            """{"button":[{"type":"click","name":"政策问答","key":"POLICY_QA"},{"name":"我的服务","sub_button":[{"type":"click","name":"查签约医生","key":"FAMILY_DOCTOR"},{"type":"view","name":"政策原文","url":"https://example.gov.cn/policy"}]},{"type":"click","name":"转人工","key":"HUMAN_AGENT"}]}""",
            call.Body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        browser.WaitForText("#preview .phone-sub", "查签约医生");
    }

    [BrowserFact]
    public async Task Menu_NameOverWeChatsLimit_IsRefusedInThePageAndNothingIsSent()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        using var product = Product(api);
        using var browser = new Browser(product);
        browser.SignIn();

        browser.GoTo("/Admin/WeChat/Menu");
        browser.Type("#Buttons_0__Name", "健康扶贫政策问答");
        browser.Find("#Buttons_0__Key option[value='POLICY_QA']").Click();
        browser.Find("#publish").Click();

        browser.WaitForText(".error", "最多 16 个字节");
        Assert.DoesNotContain(api.Received, call => call.Path == "cgi-bin/menu/create");
    }

    [BrowserFact]
    public async Task Ticket_RaisedByAWeChatMessage_AnsweredInThePage_ReachesWeChatAsACustomerServiceMessage()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        using var product = Product(api);
        using var browser = new Browser(product);
        using var client = ClientOf(browser);
        var raised = await SignedWeChatMessages.SendTextAsync(client, Token, "oTicketUser", 9001, "转人工");
        Assert.Contains("已为您转人工", raised.Element("Content")!.Value);
        browser.SignIn();

        browser.GoTo("/Admin/Tickets");
        var row = browser.WaitForText("#tickets tbody tr", "公众号");
        row.FindElement(By.LinkText("查看并答复")).Click();
        browser.WaitForText("#conversation li.user", "转人工");
        browser.Type("#Answer", "您好，我是乡镇卫生院的小王，您的慢病证明下周一可以取。");
        browser.Find("#answer").Click();
        browser.WaitForText(".notice", "通过公众号客服消息发出");

        var call = await api.WaitForCallAsync("cgi-bin/message/custom/send");
        Assert.Equal(("oTicketUser", "text", "您好，我是乡镇卫生院的小王，您的慢病证明下周一可以取。"),
            ((string?)call.Body["touser"], (string?)call.Body["msgtype"], (string?)call.Body["text"]!["content"]));
        browser.WaitForText("#counts", "已结束 1 件");
    }
}
