using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Domain.Tests.Settlement;

/// <summary>The policy files of content/policies, read from the repository.</summary>
internal static class Policies
{
    public static readonly string Directory = Path.Combine(RepositoryPaths.Content, "policies");

    private static readonly Lazy<PolicyParameterCatalog> LazyCatalog = new(() => PolicyParameterCatalog.LoadDirectory(Directory));

    public static PolicyParameterCatalog Catalog => LazyCatalog.Value;

    /// <summary>鹿寨县 2018 (seed 001).</summary>
    public static PolicyParameterSet Luzhai => Catalog.Find("450223", new DateOnly(2018, 8, 1))!;

    /// <summary>府谷县 2019 (seed 000; all figures are examples).</summary>
    public static PolicyParameterSet Fugu => Catalog.Find("610822", new DateOnly(2019, 8, 1))!;

    public static string ReadJson(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));
}
