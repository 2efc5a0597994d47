namespace PolicyAssistant.Testing;

/// <summary>The checkout the tests run from, so they read the content that ships rather than a copy of it.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding PolicyAssistant.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's content/ folder: knowledge, policies, demo data, the WeChat menu.</summary>
    public static string Content => Path.Combine(Root, "content");

    /// <summary>The question files answer quality is measured with: questions.tsv (the own suite) and calibration-questions*.tsv.</summary>
    public static string QuestionFiles => Path.Combine(Root, "tests", "PolicyAssistant.Knowledge.Tests", "AnswerQuality");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PolicyAssistant.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PolicyAssistant.sln) was not found above " + AppContext.BaseDirectory);
    }
}
