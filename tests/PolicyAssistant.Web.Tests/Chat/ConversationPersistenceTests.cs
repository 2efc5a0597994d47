using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Chat;

/// <summary>A conversation's state lives in the database, so a restart in the middle of it loses nothing.</summary>
public sealed class ConversationPersistenceTests
{
    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task FullTextReply_AfterARestart_StillKnowsTheLastAnswer(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using (var before = new ProductFactory(database))
        {
            await ChatClient.AskAsync(before, "restart-user", "住院要交押金吗");
        }

        using var after = new ProductFactory(database);
        var response = await ChatClient.AskAsync(after, "restart-user", "1");

        Assert.StartsWith("先诊疗后付费：住院不交押金", response.Reply);
    }
}
