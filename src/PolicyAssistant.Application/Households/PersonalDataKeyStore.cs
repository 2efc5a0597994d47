
namespace PolicyAssistant.Application.Households;

/// <summary>
/// Where the personal-data master key comes from: configuration in production, or a key file that a first local run
/// creates, so the product works with no configuration and still never keeps a key in the repository.
/// </summary>
public static class PersonalDataKeyStore
{
    /// <summary>Reads the key file, creating it with a new random key (owner-only on Unix) when it does not exist.</summary>
    /// <returns>The base64 key, and whether the file was created now.</returns>
    public static (string Key, bool Created) LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return (File.ReadAllText(path).Trim(), false);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var key = PersonalDataProtector.NewKey();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return (File.ReadAllText(path).Trim(), false);
        }

        return (key, true);
    }
}
