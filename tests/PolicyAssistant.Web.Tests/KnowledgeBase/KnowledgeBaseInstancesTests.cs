using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Chat;

namespace PolicyAssistant.Web.Tests.KnowledgeBase;

/// <summary>Two instances of the product on one database, as behind a load balancer.</summary>
public sealed class KnowledgeBaseInstancesTests
{
    private const string Question = "村里大喇叭啥时候讲政策";
    private const string Monday = "每周一早上八点，村广播站播报一次健康扶贫政策";

    private static readonly Dictionary<string, string?> FastPolling = new() { ["KnowledgeBase:RevisionPollInterval"] = "00:00:00.200" };

    [Fact]
    public async Task EntryPublishedOnOneInstance_IsAnsweredByTheOtherWithinSeconds_WithoutRestart()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var editing = new ProductFactory(database, FastPolling);
        using var answering = new ProductFactory(database, FastPolling);
        Assert.DoesNotContain(Monday, (await ChatClient.AskAsync(answering, "before", Question)).Reply);

        await using (var scope = editing.Services.CreateAsyncScope())
        {
            var edit = scope.ServiceProvider.GetRequiredService<EditKnowledgeBaseCommand>();
            var created = (KnowledgeEditResult.Saved)await edit.CreateEntryAsync(
                new KnowledgeEntry { Title = "村广播站播报健康扶贫政策", Summary = Monday + "。", Questions = [Question], Source = "测试用条目" },
                "1",
                CancellationToken.None);
            await edit.PublishAsync(created.Id, "1", CancellationToken.None);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string reply;
        var attempt = 0;
        do
        {
            await Task.Delay(100);
            reply = (await ChatClient.AskAsync(answering, $"after-{attempt++}", Question)).Reply;
        }
        while (!reply.Contains(Monday, StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains(Monday, reply);
    }
}
