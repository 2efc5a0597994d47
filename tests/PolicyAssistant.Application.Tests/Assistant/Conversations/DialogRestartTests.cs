using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Application.Tests.Assistant.Conversations;

/// <summary>A dialog half-way through survives the process: everything but the database is built anew.</summary>
public sealed class DialogRestartTests
{
    [Fact]
    public Task Waterfall_SqliteProcessRestartsBetweenSteps_Continues() => ContinuesAfterRestart(TestDatabase.CreateSqlite());

    [PostgresFact]
    public Task Waterfall_PostgresProcessRestartsBetweenSteps_Continues() => ContinuesAfterRestart(TestDatabase.CreatePostgres());

    private static async Task ContinuesAfterRestart(TestDatabase database)
    {
        using (database)
        {
            await CreateFlow(new EfStorage(database.CreateFactory()), BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
                .Send("你好").AssertReply("您在哪家医院住院？")
                .Send("县人民医院").AssertReply("住院总费用是多少元？")
                .StartTestAsync();

            // The old process's connections go with it.
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();

            await CreateFlow(new EfStorage(database.CreateFactory()), BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
                .Send("11804").AssertReply("完成：县人民医院/11804")
                .StartTestAsync();
        }
    }
}
