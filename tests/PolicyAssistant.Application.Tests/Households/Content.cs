using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

/// <summary>The shipped content files, read from the repository.</summary>
internal static class Content
{
    public static readonly string PolicyDirectory = Path.Combine(RepositoryPaths.Content, "policies");

    public static readonly string DemoDataPath = Path.Combine(RepositoryPaths.Content, "demo", "demo-data.json");

    private static readonly Lazy<DemoDataSet> LazyDemoData = new(() => DemoDataSet.Read(DemoDataPath));

    private static readonly Lazy<PolicyParameterCatalog> LazyCatalog = new(() => PolicyParameterCatalog.LoadDirectory(PolicyDirectory));

    public static DemoDataSet DemoData => LazyDemoData.Value;

    public static PolicyParameterCatalog Catalog => LazyCatalog.Value;

    public static PersonalDataProtector NewProtector() => PersonalDataProtector.FromBase64(PersonalDataProtector.NewKey());
}
