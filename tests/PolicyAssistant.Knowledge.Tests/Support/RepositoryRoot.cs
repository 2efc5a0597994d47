namespace PolicyAssistant.Knowledge.Tests.Support;

public static class RepositoryRoot
{
    /// <summary>The folder holding PolicyAssistant.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PolicyAssistant.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PolicyAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}
