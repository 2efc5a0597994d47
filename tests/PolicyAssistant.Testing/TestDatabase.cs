using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Testing;

/// <summary>
/// A throw-away database of either provider: a real SQLite file in a temp folder, or a fresh
/// database on the PostgreSQL server named by <see cref="TestEnvironment.PostgresVariable"/>.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, Action cleanup, string? personalDataKey)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanup = cleanup;
        PersonalDataKey = personalDataKey ?? PersonalDataProtector.NewKey();
    }

    private readonly Action _cleanup;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The personal-data key that goes with this database, as a deployment keeps the two together: a product
    /// restarted on the database reads what it hashed and encrypted before.</summary>
    public string PersonalDataKey { get; }

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(),
        DatabaseProvider.PostgreSql => CreatePostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <param name="personalDataKey">The key of another database, for one restored from its backup.</param>
    public static TestDatabase CreateSqlite(string? personalDataKey = null)
    {
        var folder = Directory.CreateTempSubdirectory("policyassistant-test-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "test.db")}";
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolders.Delete(folder);
        }, personalDataKey);
    }

    /// <param name="personalDataKey">The key of another database, for one restored from its backup.</param>
    public static TestDatabase CreatePostgres(string? personalDataKey = null)
    {
        var admin = TestEnvironment.PostgresConnectionString
            ?? throw new InvalidOperationException($"{TestEnvironment.PostgresVariable} is not set: the PostgreSQL tests need a server.");
        var name = "pa_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }, personalDataKey);
    }

    /// <summary>A new context on this database with the schema created.</summary>
    public PolicyAssistantDbContext CreateContext()
    {
        var context = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(Provider, ConnectionString));
        context.Database.EnsureCreated();
        return context;
    }

    /// <summary>A context factory as the host registers it, on this database with the schema created.</summary>
    public IDbContextFactory<PolicyAssistantDbContext> CreateFactory()
    {
        EnsureCreated();
        return new PooledDbContextFactory<PolicyAssistantDbContext>(DatabaseSetup.BuildOptions(Provider, ConnectionString));
    }

    /// <summary>Creates the schema, for code under test that opens the database itself.</summary>
    public void EnsureCreated()
    {
        using var context = CreateContext();
    }

    public void Dispose() => _cleanup();
}
