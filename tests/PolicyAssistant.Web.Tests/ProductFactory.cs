using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests;

/// <summary>
/// The real product (its Program, content and start-up) on a throw-away database: a SQLite file in a
/// temp data folder, or a fresh PostgreSQL database.
/// </summary>
public sealed class ProductFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private bool _disposed;
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("policyassistant-web-");
    private readonly Dictionary<string, string?> _settings;

    /// <summary>The product on a database of its own, dropped with the factory.</summary>
    public ProductFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
        : this(TestDatabase.Create(provider), settings, ownsDatabase: true)
    {
    }

    /// <summary>The product on a database that outlives it, to start it again on the same data.</summary>
    public ProductFactory(TestDatabase database, IDictionary<string, string?>? settings = null)
        : this(database, settings, ownsDatabase: false)
    {
    }

    private ProductFactory(TestDatabase database, IDictionary<string, string?>? settings, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        var provider = database.Provider;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:DataFolder"] = _dataFolder.FullName,
            ["Storage:ContentFolder"] = RepositoryPaths.Content,
            ["ConnectionStrings:Default"] = _database.ConnectionString,
            ["BackOffice:InitialAdminUser"] = AdminUser,
            ["BackOffice:InitialAdminPassword"] = AdminPassword,
            ["Households:LoadDemoData"] = "true",
            ["Households:PersonalDataKey"] = database.PersonalDataKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public const string AdminUser = "admin";
    public const string AdminPassword = "test-admin-password";

    public DatabaseProvider Provider => _database.Provider;

    public string ConnectionString => _database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the compressed static files come from a publish; a build has them only through this manifest.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            if (_ownsDatabase)
            {
                _database.Dispose();
            }

            TempFolders.Delete(_dataFolder);
        }
    }
}

/// <summary>The product with its default settings, shared by the tests of one class through IClassFixture.</summary>
public sealed class SharedProduct : IDisposable
{
    public ProductFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
