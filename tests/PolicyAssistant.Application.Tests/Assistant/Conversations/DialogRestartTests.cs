using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Application.Tests.Assistant.Conversations;

/// <summary>A dialog half-way through survives the process: everything but the database is built anew.</summary>
public sealed class DialogRestartTests
{
    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Waterfall_ProcessRestartsBetweenSteps_Continues(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await CreateFlow(new EfStorage(database.CreateFactory(), TestKeys.Conversations), BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("你好").AssertReply("您在哪家医院住院？")
            .Send("县人民医院").AssertReply("住院总费用是多少元？")
            .StartTestAsync();

        // The old process's connections go with it.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();

        await CreateFlow(new EfStorage(database.CreateFactory(), TestKeys.Conversations), BillDialog(), new TextPrompt("text"), new NumberPrompt<decimal>("number"))
            .Send("11804").AssertReply("完成：县人民医院/11804")
            .StartTestAsync();
    }
}
