using PolicyAssistant.Application.Households;
using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Application.Tests.Households;

public sealed class PersonalDataKeyStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyassistant-key-");

    private string KeyFile => Path.Combine(_folder.FullName, "data", "personal-data.key");

    [Fact]
    public void LoadOrCreate_NoFile_CreatesAUsableKey()
    {
        var (key, created) = PersonalDataKeyStore.LoadOrCreate(KeyFile);

        Assert.True(created && Convert.FromBase64String(key).Length >= PersonalDataProtector.MinimumKeyBytes);
    }

    [Fact]
    public void LoadOrCreate_SecondTime_ReturnsTheSameKey()
    {
        var (first, _) = PersonalDataKeyStore.LoadOrCreate(KeyFile);

        Assert.Equal((first, false), PersonalDataKeyStore.LoadOrCreate(KeyFile));
    }

    [Fact]
    public void LoadOrCreate_NewFileOnUnix_IsReadableByTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        PersonalDataKeyStore.LoadOrCreate(KeyFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
