using Microsoft.EntityFrameworkCore;

namespace PolicyAssistant.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(SqliteTuning.Instance),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    public static DbContextOptions<PolicyAssistantDbContext> BuildOptions(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PolicyAssistantDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
