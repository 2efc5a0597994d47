using Microsoft.Extensions.Configuration;

namespace PolicyAssistant.Application.Database;

public sealed class StorageOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file and the search index live; default: "data" beside the content folder.</summary>
    public string DataFolder { get; set; } = "";

    /// <summary>The content folder (knowledge base, policies, demo data); default: found by walking up from the app.</summary>
    public string ContentFolder { get; set; } = "";
}

/// <summary>The resolved folders the product reads and writes.</summary>
public sealed record StoragePaths(string ContentFolder, string DataFolder);

public static class StorageSetup
{
    public static StoragePaths AddStorage(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var paths = ResolvePaths(options, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(paths.DataFolder);
        builder.Services.AddSingleton(paths);

        var connectionString = builder.Configuration.GetConnectionString("Default") is { Length: > 0 } configured
            ? configured
            : options.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(paths.DataFolder, "policyassistant.db")}"
                : throw new InvalidOperationException("Storage:Provider is PostgreSql but ConnectionStrings:Default (env ConnectionStrings__Default) is empty.");

        builder.AddPolicyAssistantDatabase(options.Provider, connectionString);
        return paths;
    }

    private static StoragePaths ResolvePaths(StorageOptions options, string contentRoot)
    {
        var content = options.ContentFolder is { Length: > 0 } folder
            ? Path.GetFullPath(folder, contentRoot)
            : FindContentFolder(contentRoot) ?? FindContentFolder(AppContext.BaseDirectory)
              ?? throw new InvalidOperationException("No content folder found: set Storage:ContentFolder (env Storage__ContentFolder).");
        var data = options.DataFolder is { Length: > 0 } dataFolder
            ? Path.GetFullPath(dataFolder, contentRoot)
            : Path.Combine(Path.GetDirectoryName(content)!, "data");
        return new StoragePaths(content, data);
    }

    private static string? FindContentFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "knowledge")))
            {
                return candidate;
            }
        }

        return null;
    }
}
