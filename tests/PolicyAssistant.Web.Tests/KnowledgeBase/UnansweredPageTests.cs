using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Web.Tests.BackOffice;
using Xunit.Abstractions;

namespace PolicyAssistant.Web.Tests.KnowledgeBase;

public sealed class UnansweredPageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UnansweredPage_ThousandsOfQuestions_ShowsOnePageOfGroupsAndStaysLight()
    {
        using var product = new ProductFactory();
        using (var scope = product.Services.CreateScope())
        {
            var index = scope.ServiceProvider.GetRequiredService<KnowledgeIndex>();
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            for (var i = 0; i < 3000; i++)
            {
                var text = $"第{i % 300}号村的养老金什么时候发{(i % 2 == 0 ? "？" : "")}";
                db.Add(new UnansweredQuestion
                {
                    Text = text,
                    GroupKey = UnansweredGroupKey.Of(index, text),
                    ChannelId = i % 3 == 0 ? "sms" : "wechat",
                    Reason = UnansweredReason.OutOfScope,
                    AskedAt = DateTimeOffset.UtcNow,
                    Status = UnansweredStatus.Open,
                });
            }

            await db.SaveChangesAsync();
        }

        using var client = product.CreateClient();
        await StaffSignIn.SignInAsync(client);
        var page = await client.GetStringAsync("/Admin/Knowledge/Unanswered");

        output.WriteLine($"3,000 open questions: {System.Text.Encoding.UTF8.GetByteCount(page):N0} bytes");
        Assert.Contains($"第 1 / {300 / GetUnansweredGroupsQuery.PageSize} 页", page);
        Assert.True(page.Length < 150_000, $"The page is {page.Length} characters.");
    }
}
