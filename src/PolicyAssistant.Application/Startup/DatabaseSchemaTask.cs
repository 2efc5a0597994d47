namespace PolicyAssistant.Application.Startup;

/// <summary>Brings the schema up to date with the provider's migrations (PolicyAssistant.Data.Sqlite / .PostgreSql).</summary>
internal sealed class DatabaseSchemaTask(PolicyAssistantDbContext db) : IStartupTask
{
    public int Order => StartupTaskOrder.Schema;

    public Task RunAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
}
