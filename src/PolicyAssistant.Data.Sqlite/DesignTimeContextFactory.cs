using Microsoft.EntityFrameworkCore.Design;
using PolicyAssistant.Application.Database;

namespace PolicyAssistant.Data.Sqlite;

/// <summary>For `dotnet ef migrations add … --project src/PolicyAssistant.Data.Sqlite`; never used at run time.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PolicyAssistantDbContext>
{
    public PolicyAssistantDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
