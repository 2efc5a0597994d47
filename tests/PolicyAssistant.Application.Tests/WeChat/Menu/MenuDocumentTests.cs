using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.WeChat.Menu;
using PolicyAssistant.Application.Tests.WeChat.Api;

namespace PolicyAssistant.Application.Tests.WeChat.Menu;

public sealed class MenuDocumentTests
{
    private static MenuButton Click(string name, string key = "FAMILY_DOCTOR") => new() { Type = "click", Name = name, Key = key };

    private static MenuDocument Menu(params MenuButton[] buttons) => new() { Buttons = [.. buttons] };

    [Fact]
    public void Validate_MenuWithinLimits_HasNoErrors()
    {
        var menu = Menu(
            Click("查签约医生"),
            new MenuButton { Name = "我的服务", SubButtons = [Click("查慢病", "CHRONIC_CERTIFICATION"), Click("估算住院费用", "SETTLEMENT_ESTIMATE"), new MenuButton { Type = "view", Name = "政策原文", Url = "https://example.gov.cn/policy" }] },
            Click("转人工", "HUMAN_AGENT"));

        Assert.Empty(menu.Validate());
    }

    [Theory]
    [InlineData("健康扶贫政策", "16")] // 18 bytes of UTF-8: one over five characters
    [InlineData("", "不能为空")]
    public void Validate_TopLevelName_OverSixteenBytesOrEmpty_IsRefused(string name, string expected)
    {
        Assert.Contains(expected, Assert.Single(Menu(Click(name)).Validate()));
    }

    [Fact]
    public void Validate_SubButtonName_OverSixtyBytes_IsRefused()
    {
        var menu = Menu(new MenuButton { Name = "服务", SubButtons = [Click(new string('慢', 21))] });

        Assert.Contains("60", Assert.Single(menu.Validate()));
    }

    [Fact]
    public void Validate_FourTopLevelButtons_IsRefused()
    {
        Assert.Contains("1 到 3", Assert.Single(Menu(Click("一"), Click("二"), Click("三"), Click("四")).Validate()));
    }

    [Fact]
    public void Validate_SixSubButtons_IsRefused()
    {
        var menu = Menu(new MenuButton { Name = "服务", SubButtons = Enumerable.Range(1, 6).Select(i => Click($"子{i}")).ToList() });

        Assert.Contains("1 到 5", Assert.Single(menu.Validate()));
    }

    [Fact]
    public void Validate_KeyTheBotDoesNotKnow_IsRefused()
    {
        Assert.Contains("NO_SUCH_COMMAND", Assert.Single(Menu(Click("乱按", "NO_SUCH_COMMAND")).Validate()));
    }

    [Fact]
    public void Validate_LinkWithoutHttp_IsRefused()
    {
        Assert.Contains("http", Assert.Single(Menu(new MenuButton { Type = "view", Name = "原文", Url = "javascript:alert(1)" }).Validate()));
    }

    [Fact]
    public void ToJson_ParentAndClick_IsMenuCreatesJsonWithChineseAsUtf8()
    {
        var menu = Menu(new MenuButton { Name = "我的服务", SubButtons = [Click("查慢病", "CHRONIC_CERTIFICATION")] }, Click("转人工", "HUMAN_AGENT"));

        var json = menu.ToJson();

        Assert.Equal("""{"button":[{"name":"我的服务","sub_button":[{"type":"click","name":"查慢病","key":"CHRONIC_CERTIFICATION"}]},{"type":"click","name":"转人工","key":"HUMAN_AGENT"}]}""", json);
        Assert.Equal(json, MenuDocument.FromJson(json).ToJson());
    }
}

/// <summary>Publishing against the fake WeChat API: the body menu/create receives, and WeChat's refusal.</summary>
public sealed class EditWeChatMenuCommandTests : WeChatApiTest
{
    private static MenuDocument Menu() => new()
    {
        Buttons = [new MenuButton { Name = "我的服务", SubButtons = [new MenuButton { Type = "click", Name = "查签约医生", Key = "FAMILY_DOCTOR" }] }, new MenuButton { Type = "click", Name = "转人工", Key = "HUMAN_AGENT" }],
    };

    private async Task<MenuEditResult> PublishAsync(MenuDocument menu)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EditWeChatMenuCommand>().PublishAsync(menu, CancellationToken.None);
    }

    [Fact]
    public async Task PublishAsync_ValidMenu_PostsItToMenuCreateAndRecordsThePublication()
    {
        var result = await PublishAsync(Menu());

        Assert.IsType<MenuEditResult.Published>(result);
        var call = await Api.WaitForCallAsync("cgi-bin/menu/create");
        Assert.Equal(("我的服务", "FAMILY_DOCTOR", "HUMAN_AGENT"),
            ((string?)call.Body["button"]![0]!["name"], (string?)call.Body["button"]![0]!["sub_button"]![0]!["key"], (string?)call.Body["button"]![1]!["key"]));
        await using var scope = Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<EditWeChatMenuCommand>().GetAsync(CancellationToken.None);
        Assert.Equal(draft!.Json, draft.PublishedJson);
    }

    [Fact]
    public async Task PublishAsync_WeChatRefuses_SaysSoWithTheErrcodeAndKeepsTheDraft()
    {
        Api.FailNext("cgi-bin/menu/create", 40018);

        var result = await PublishAsync(Menu());

        Assert.Contains("40018", Assert.Single(Assert.IsType<MenuEditResult.Invalid>(result).Errors));
        await using var scope = Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<EditWeChatMenuCommand>().GetAsync(CancellationToken.None);
        Assert.Null(draft!.PublishedAt);
        Assert.Contains("转人工", draft.Json);
    }

    [Fact]
    public async Task PublishAsync_InvalidMenu_SendsNothing()
    {
        var result = await PublishAsync(new MenuDocument { Buttons = [new MenuButton { Type = "click", Name = "健康扶贫政策问答", Key = "POLICY_QA" }] });

        Assert.IsType<MenuEditResult.Invalid>(result);
        Assert.DoesNotContain(Api.Received, call => call.Path == "cgi-bin/menu/create");
    }
}
