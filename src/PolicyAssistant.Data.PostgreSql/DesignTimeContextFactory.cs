using Microsoft.EntityFrameworkCore.Design;
using PolicyAssistant.Application.Database;

namespace PolicyAssistant.Data.PostgreSql;

/// <summary>For `dotnet ef migrations add … --project src/PolicyAssistant.Data.PostgreSql`; never used at run time.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PolicyAssistantDbContext>
{
    public PolicyAssistantDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time"));
}
