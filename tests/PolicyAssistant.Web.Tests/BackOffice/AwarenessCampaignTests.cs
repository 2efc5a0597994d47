using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Web.Tests.Hosting;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>A quiz that goes with a campaign month is read before and after the campaign's start.</summary>
public sealed class AwarenessCampaignTests
{
    [Fact]
    public async Task QuizOfACampaign_ResultsAreSplitAtTheCampaignsStart()
    {
        using var product = new ProductFactory();
        using var client = product.CreateClient();
        await StaffForm.SignInAsync(client, ProductFactory.AdminUser, ProductFactory.AdminPassword);
        int quizId;
        await using (var scope = product.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            var campaign = new Campaign { Name = "政策宣传月", Theme = "先诊疗后付费", StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 31), CreatedById = 1 };
            db.Add(campaign);
            await db.SaveChangesAsync();
            var draft = new QuizDraft("宣传月问卷", campaign.Id, new DateOnly(2026, 2, 1), null,
            [
                new QuizQuestionDraft("贫困户在县域内住院要交押金吗？", ["要交", "不用交"], 2),
                new QuizQuestionDraft("贫困户住院个人自付最多占总费用的多少？", ["50%", "10%"], 2),
                new QuizQuestionDraft("家庭医生签约服务要交钱吗？", ["贫困户免费", "每年交500元"], 1),
            ]);
            quizId = Assert.IsType<QuizEditResult.Saved>(await scope.ServiceProvider.GetRequiredService<EditQuizCommand>().SaveAsync(null, draft, CancellationToken.None)).QuizId;
        }

        var results = await client.GetStringAsync($"/Admin/Awareness/Results/{quizId}");

        Assert.Contains("2026年3月1日以前", results, StringComparison.Ordinal);
    }
}
