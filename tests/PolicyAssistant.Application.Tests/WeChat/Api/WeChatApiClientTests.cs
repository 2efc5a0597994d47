using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Api;

/// <summary>The API client against the fake WeChat API: the JSON it sends, the token it carries, the errors it raises.</summary>
public sealed class WeChatApiClientTests : WeChatApiTest
{
    private WeChatApiClient Client => Services.GetRequiredService<WeChatApiClient>();

    [Fact]
    public async Task SendCustomerServiceTextAsync_Text_PostsWeChatsJson()
    {
        await Client.SendCustomerServiceTextAsync("oUser", "您的签约医生是王医生", CancellationToken.None);

        var call = await Api.NextCallAsync();
        Assert.Equal(("cgi-bin/message/custom/send", "oUser", "text", "您的签约医生是王医生"),
            (call.Path, (string?)call.Body["touser"], (string?)call.Body["msgtype"], (string?)call.Body["text"]?["content"]));
    }

    [Fact]
    public async Task SendCustomerServiceNewsAsync_Card_PostsOneArticle()
    {
        await Client.SendCustomerServiceNewsAsync("oUser", new CardAttachment("标题", "说明", "https://e.org/a", "https://e.org/p.png"), CancellationToken.None);

        var article = (await Api.NextCallAsync()).Body["news"]!["articles"]!.AsArray().Single()!;
        Assert.Equal(("标题", "说明", "https://e.org/a", "https://e.org/p.png"),
            ((string?)article["title"], (string?)article["description"], (string?)article["url"], (string?)article["picurl"]));
    }

    [Fact]
    public async Task SendTemplateMessageAsync_Data_PostsValuesAndReturnsMsgId()
    {
        var msgId = await Client.SendTemplateMessageAsync("oUser", "TEMPLATE_1",
            new Dictionary<string, string> { ["first"] = "随访提醒", ["keyword1"] = "5月20日" }, "https://e.org/f", CancellationToken.None);

        var body = (await Api.NextCallAsync()).Body;
        Assert.Equal(("200228332", "TEMPLATE_1", "5月20日", "https://e.org/f"),
            (msgId, (string?)body["template_id"], (string?)body["data"]?["keyword1"]?["value"], (string?)body["url"]));
    }

    [Fact]
    public async Task SendMassByTagAsync_Text_FiltersByTag()
    {
        var tagId = await Client.CreateTagAsync("武家庄镇", CancellationToken.None);
        await Api.NextCallAsync();

        var result = await Client.SendMassByTagAsync(tagId, WeChatMassMessage.Text("政策宣传月：住院先诊疗后付费"), CancellationToken.None);

        var call = await Api.NextCallAsync();
        Assert.Equal(("cgi-bin/message/mass/sendall", false, tagId, "text", "政策宣传月：住院先诊疗后付费", "1001"),
            (call.Path, (bool?)call.Body["filter"]?["is_to_all"], (int?)call.Body["filter"]?["tag_id"], (string?)call.Body["msgtype"],
             (string?)call.Body["text"]?["content"], result.MsgId));
    }

    [Fact]
    public async Task SendMassByOpenIdsAsync_News_ListsTheUsers()
    {
        await Client.SendMassByOpenIdsAsync(["o1", "o2"], WeChatMassMessage.News("MEDIA_1"), CancellationToken.None);

        var call = await Api.NextCallAsync();
        Assert.Equal(("cgi-bin/message/mass/send", "o1,o2", "mpnews", "MEDIA_1"),
            (call.Path, string.Join(',', call.Body["touser"]!.AsArray().Select(n => (string?)n)), (string?)call.Body["msgtype"], (string?)call.Body["mpnews"]?["media_id"]));
    }

    [Fact]
    public async Task SendMassByOpenIdsAsync_OneUser_IsRefusedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SendMassByOpenIdsAsync(["o1"], WeChatMassMessage.Text("x"), CancellationToken.None));
    }

    [Fact]
    public async Task CreateTagAsync_Name_ReturnsTheNewTagId()
    {
        var id = await Client.CreateTagAsync("武家庄镇", CancellationToken.None);

        Assert.Equal((100, "武家庄镇"), (id, (string?)(await Api.NextCallAsync()).Body["tag"]?["name"]));
    }

    [Fact]
    public async Task GetTagsAsync_AfterCreatingOne_ListsItByName()
    {
        var id = await Client.CreateTagAsync("武家庄镇", CancellationToken.None);

        var tag = Assert.Single(await Client.GetTagsAsync(CancellationToken.None));

        Assert.Equal((id, "武家庄镇", 0), (tag.Id, tag.Name, tag.Count));
    }

    [Fact]
    public async Task TagUsersAsync_120Users_SendsBatchesOf50()
    {
        var tagId = await Client.CreateTagAsync("武家庄镇", CancellationToken.None);
        await Api.NextCallAsync();

        await Client.TagUsersAsync(tagId, Enumerable.Range(0, 120).Select(i => $"o{i}").ToList(), CancellationToken.None);

        var sizes = new List<int>();
        for (var i = 0; i < 3; i++) sizes.Add((await Api.NextCallAsync()).Body["openid_list"]!.AsArray().Count);
        Assert.Equal([50, 50, 20], sizes);
    }

    [Fact]
    public async Task CreateMenuAsync_ContentMenu_PostsItAsIs()
    {
        var menu = WeChatMenu.Load(Path.Combine(RepositoryPaths.Content, "wechat-menu.json"));

        await Client.CreateMenuAsync(menu, CancellationToken.None);

        var call = await Api.NextCallAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(menu.Json), call.Body));
    }

    [Fact]
    public async Task Calls_SeveralInARow_FetchTheTokenOnce()
    {
        await Client.SendCustomerServiceTextAsync("o", "1", CancellationToken.None);
        await Client.SendCustomerServiceTextAsync("o", "2", CancellationToken.None);
        await Client.CreateTagAsync("t", CancellationToken.None);

        Assert.Equal(1, Api.TokenCalls);
    }

    [Fact]
    public async Task Call_TokenInvalidatedByWeChat_ForcesOneRefreshAndSucceeds()
    {
        await Client.SendCustomerServiceTextAsync("o", "1", CancellationToken.None);
        Api.InvalidateToken();

        await Client.SendCustomerServiceTextAsync("o", "2", CancellationToken.None);

        Assert.Equal([false, true], Api.ForceRefreshFlags);
    }

    [Fact]
    public async Task Call_TokenRefusedAgainRightAfterAForcedRefresh_ThrowsInsteadOfRefreshingAgain()
    {
        await Client.SendCustomerServiceTextAsync("o", "1", CancellationToken.None);
        Api.InvalidateToken();
        await Client.SendCustomerServiceTextAsync("o", "2", CancellationToken.None);
        Api.InvalidateToken();

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => Client.SendCustomerServiceTextAsync("o", "3", CancellationToken.None));

        Assert.Equal((WeChatApiException.InvalidCredential, 2), (error.ErrorCode, Api.TokenCalls));
    }

    [Fact]
    public async Task Call_WeChatRefusesWith45015_ThrowsWeChatApiException()
    {
        Api.FailNext("cgi-bin/message/custom/send", WeChatApiException.ResponseOutOfTimeLimit);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => Client.SendCustomerServiceTextAsync("o", "x", CancellationToken.None));

        Assert.Equal(45015, error.ErrorCode);
    }

    [Fact]
    public async Task Call_WrongAppSecret_ThrowsTheTokenError()
    {
        await using var services = WeChatApiServices.Build(Api, Database, appSecret: "wrong");

        var error = await Assert.ThrowsAsync<WeChatApiException>(() =>
            services.GetRequiredService<WeChatApiClient>().SendCustomerServiceTextAsync("o", "x", CancellationToken.None));

        Assert.Equal(40125, error.ErrorCode);
    }
}
