using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Web.Chat;

namespace PolicyAssistant.Web.Tests.Chat;

public sealed class ChatApiTests(SharedProduct product) : IClassFixture<SharedProduct>
{
    [Fact]
    public async Task PostMessage_PolicyQuestion_AnswersWithItsSource()
    {
        var response = await ChatClient.AskAsync(product.Factory, "deposit-user", "住院要交押金吗");

        Assert.Contains(response.Sources, s => s.Id == "treat-first-pay-later");
        Assert.Contains("押金", response.Reply);
    }

    [Fact]
    public async Task PostMessage_PolicyQuestion_IsAConfidentAnswer()
    {
        var response = await ChatClient.AskAsync(product.Factory, "kind-answer-user", "住院要交押金吗");

        Assert.Equal(("answer", true), (response.Kind, response.Confident));
    }

    [Fact]
    public async Task PostMessage_OffTopic_IsOutOfScopeAndNotConfident()
    {
        var response = await ChatClient.AskAsync(product.Factory, "kind-offtopic-user", "北京的医保怎么报销");

        Assert.Equal(("outOfScope", false), (response.Kind, response.Confident));
    }

    [Fact]
    public async Task PostMessage_OwnRecordWhileUnbound_OffersBinding()
    {
        var response = await ChatClient.AskAsync(product.Factory, "kind-binding-user", "俺家今年参保的钱交了没有");

        Assert.Equal(("binding", false), (response.Kind, response.Confident));
        Assert.Contains("绑定身份", response.Reply);
    }

    [Fact]
    public async Task PostMessage_Bill_StartsAnEstimateSayingSo()
    {
        var response = await ChatClient.AskAsync(product.Factory, "kind-estimate-user", "在县医院住院花了一万二 自己要掏多少");

        Assert.Equal("estimate", response.Kind);
        Assert.StartsWith("帮您估算一下住院报销（总费用12000元，县级医院", response.Reply);
    }

    [Fact]
    public async Task PostMessage_OneAfterAnAnswer_SendsTheFullText()
    {
        await ChatClient.AskAsync(product.Factory, "full-text-user", "住院要交押金吗");

        var response = await ChatClient.AskAsync(product.Factory, "full-text-user", "1");

        Assert.StartsWith("先诊疗后付费：住院不交押金", response.Reply);
        Assert.Contains("依据：", response.Reply);
    }

    [Theory]
    [InlineData("title:* AND (")]
    [InlineData("\"押金\"~2 OR *:*")]
    [InlineData("😀😀😀")]
    [InlineData("")]
    public async Task PostMessage_LuceneSyntaxOrNoise_StillAnswers(string text)
    {
        var response = await ChatClient.AskAsync(product.Factory, "noise-user", text);

        Assert.NotEmpty(response.Reply);
    }

    [Fact]
    public async Task PostMessage_OtherProvincesPolicy_IsRecordedAsUnanswered()
    {
        var response = await ChatClient.AskAsync(product.Factory, "province-user", "北京的医保怎么报销");

        Assert.Empty(response.Sources);
        using var scope = product.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        Assert.True(await db.Set<UnansweredQuestion>().AnyAsync(q => q.Text == "北京的医保怎么报销" && q.Reason == UnansweredReason.OutOfScope));
    }

    [Theory]
    [InlineData("{\"userId\":\"u1\"}")]
    [InlineData("{\"text\":\"押金\"}")]
    [InlineData("{\"userId\":\"bad id with spaces\",\"text\":\"押金\"}")]
    [InlineData("{\"userId\":\"demo-1\\n\",\"text\":\"押金\"}")]
    public async Task PostMessage_MissingOrInvalidFields_IsABadRequest(string body)
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsync("/api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_TextOverTheLimit_IsABadRequest()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/chat", new ChatRequest("long-user", new string('病', ChatApi.MaxTextLength + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_MalformedJson_IsABadRequest()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsync("/api/chat", new StringContent("{\"userId\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

internal static class ChatClient
{
    public static async Task<ChatResponse> AskAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string userId, string text)
    {
        using var client = factory.CreateClient();
        return await AskAsync(client, userId, text);
    }

    public static async Task<ChatResponse> AskAsync(HttpClient client, string userId, string text)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new ChatRequest(userId, text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatResponse>())!;
    }
}
