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
            DatabaseProvider.Sqlite => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly(provider)))
                .AddInterceptors(SqliteTuning.Instance, SqliteWriteGate.Instance),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly(provider))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>Each provider's migrations live in their own assembly, PolicyAssistant.Data.{Provider}.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => $"PolicyAssistant.Data.{provider}";

    public static DbContextOptions<PolicyAssistantDbContext> BuildOptions(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PolicyAssistantDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
