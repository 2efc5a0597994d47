namespace PolicyAssistant.Testing;

/// <summary>
/// What the machine running the tests offers. On a developer's laptop with only the .NET SDK the
/// tests that need PostgreSQL or Chromium are skipped; under CI (CI=true) a missing service is a
/// failure, so a green CI run always means those tests ran.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "POLICYASSISTANT_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Admin connection string of a PostgreSQL server the tests may create databases on.</summary>
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why a test that needs PostgreSQL is skipped here; null where it must run (a server is named, or under CI).</summary>
    public static string? PostgresSkipReason =>
        PostgresConnectionString is null && !IsCi ? $"Set {PostgresVariable} to a PostgreSQL connection string to run this test." : null;

    public static string? ChromeDriverDirectory =>
        File.Exists("/usr/bin/chromedriver") && File.Exists("/usr/bin/chromium") ? "/usr/bin" : null;
}
