using System.Data.Common;
using Npgsql;

namespace PolicyAssistant.Application.Database;

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
            DatabaseProvider.PostgreSql => options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly(provider))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>
    /// The product database for a host: a pooled context factory for singletons (bot, workers) and a scoped
    /// context from the same pool for pages and endpoints. Pooling matters on the hot path: a bot turn opens
    /// several short contexts, and building each from scratch costs more than the queries it runs.
    /// </summary>
    public static IHostApplicationBuilder AddPolicyAssistantDatabase(this IHostApplicationBuilder builder, DatabaseProvider provider, string connectionString)
    {
        builder.Services.AddPooledDbContextFactory<PolicyAssistantDbContext>(options => Configure(options, provider, connectionString));
        builder.Services.AddScoped(serviceProvider => serviceProvider.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContext());
        return builder;
    }

    /// <summary>
    /// Npgsql prepares no statement unless told to. Every WeChat message runs the same dozen statements, and
    /// prepared ones spare the server parsing and planning them each time: saturated /wechat on one machine
    /// went from 660-770 to 890-920 messages/s. A connection string that sets Max Auto Prepare keeps its value
    /// (0 behind a PgBouncer in transaction mode older than 1.21, which cannot keep prepared statements).
    /// </summary>
    private const int AutoPreparedStatements = 64;

    private static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present, so the keys are read as written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (written.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxAutoPrepare = AutoPreparedStatements;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
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
