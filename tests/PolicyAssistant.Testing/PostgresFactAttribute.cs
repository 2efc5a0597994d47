using PolicyAssistant.Application.Database;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PolicyAssistant.Testing;

/// <summary>A fact that needs a real PostgreSQL server (see <see cref="TestEnvironment"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestEnvironment.PostgresSkipReason;
}

/// <summary>
/// A theory over the database providers, <c>[InlineData(DatabaseProvider.Sqlite)] [InlineData(DatabaseProvider.PostgreSql)]</c>:
/// each case runs as a <see cref="FactAttribute"/> or <see cref="PostgresFactAttribute"/> would, so without a
/// PostgreSQL server only the PostgreSQL case is skipped (and under CI it fails, see <see cref="TestEnvironment"/>).
/// </summary>
[XunitTestCaseDiscoverer("PolicyAssistant.Testing.PostgresTheoryDiscoverer", "PolicyAssistant.Testing")]
public sealed class PostgresTheoryAttribute : TheoryAttribute;

/// <summary>Skips the data rows of a <see cref="PostgresTheoryAttribute"/> that name PostgreSQL when there is no server.</summary>
public sealed class PostgresTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        TestEnvironment.PostgresSkipReason is { } reason && dataRow.Contains(DatabaseProvider.PostgreSql)
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
}

/// <summary>A fact that drives Debian's chromium through chromedriver.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (TestEnvironment.ChromeDriverDirectory is null && !TestEnvironment.IsCi)
        {
            Skip = "Install chromium and chromium-driver to run this test.";
        }
    }
}
