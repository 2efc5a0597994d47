using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Database;

/// <summary>Each provider's migrations build the schema the model describes, from an empty database.</summary>
public sealed class MigrationTests
{
    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrate_EmptyDatabase_LeavesNoPendingModelChanges(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(provider, database.ConnectionString));

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed since the last migration: add one with dotnet ef migrations add (see README).");
    }
}
