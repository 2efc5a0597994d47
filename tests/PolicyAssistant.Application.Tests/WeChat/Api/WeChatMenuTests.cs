using System.Text.Json;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Api;

public sealed class WeChatMenuTests
{
    private static string MenuPath => Path.Combine(RepositoryPaths.Content, "wechat-menu.json");

    [Fact]
    public void Load_ContentMenu_IsWithinWeChatLimits()
    {
        var menu = WeChatMenu.Load(MenuPath);

        Assert.Contains("住院费用估算", menu.Json);
    }

    [Fact]
    public void Load_ContentMenu_UsesExactlyTheDeclaredKeys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(MenuPath));
        var keys = json.RootElement.GetProperty("button").EnumerateArray()
            .SelectMany(b => b.TryGetProperty("sub_button", out var subs) ? subs.EnumerateArray().ToArray() : [b])
            .Select(b => b.GetProperty("key").GetString())
            .ToHashSet();

        var declared = typeof(WeChatMenuKeys).GetFields().Select(f => (string?)f.GetValue(null)).ToHashSet();

        Assert.Equal(declared, keys);
    }

    [Theory]
    [InlineData("""{"button":[]}""")]
    [InlineData("""{"button":[{"type":"click","name":"政策问答政策问答","key":"K"}]}""")]
    [InlineData("""{"button":[{"type":"click","name":"问答"}]}""")]
    [InlineData("""{"button":[{"type":"scancode","name":"问答","key":"K"}]}""")]
    [InlineData("""{"button":[{"name":"服务","sub_button":[]}]}""")]
    [InlineData("""{"menu":[]}""")]
    [InlineData("""{"button":""")]
    public void Parse_MenuBreakingWeChatRules_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => WeChatMenu.Parse(json));
    }
}
