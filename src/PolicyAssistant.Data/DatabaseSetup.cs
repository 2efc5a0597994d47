using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// The product database for a host: a pooled context factory for singletons (bot, workers) and a scoped
    /// context from the same pool for pages and endpoints. Pooling matters on the hot path: a bot turn opens
    /// several short contexts, and building each from scratch costs more than the queries it runs.
    /// </summary>
    public static IServiceCollection AddPolicyAssistantDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddPooledDbContextFactory<PolicyAssistantDbContext>(options => Configure(options, provider, connectionString));
        services.AddScoped(serviceProvider => serviceProvider.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContext());
        return services;
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
