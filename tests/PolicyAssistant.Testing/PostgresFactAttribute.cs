using Xunit;

namespace PolicyAssistant.Testing;

/// <summary>A fact that needs a real PostgreSQL server (see <see cref="TestEnvironment"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresConnectionString is null && !TestEnvironment.IsCi)
        {
            Skip = $"Set {TestEnvironment.PostgresVariable} to a PostgreSQL connection string to run this test.";
        }
    }
}

/// <summary>A theory that needs a real PostgreSQL server (see <see cref="TestEnvironment"/>).</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestEnvironment.PostgresConnectionString is null && !TestEnvironment.IsCi)
        {
            Skip = $"Set {TestEnvironment.PostgresVariable} to a PostgreSQL connection string to run this test.";
        }
    }
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
