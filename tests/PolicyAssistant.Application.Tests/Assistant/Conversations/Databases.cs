using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Assistant.Conversations;

public static class Databases
{
    /// <summary>A context factory as the host registers it, on a database whose schema exists.</summary>
    public static IDbContextFactory<PolicyAssistantDbContext> CreateFactory(this TestDatabase database)
    {
        database.EnsureCreated();
        return new PooledDbContextFactory<PolicyAssistantDbContext>(DatabaseSetup.BuildOptions(database.Provider, database.ConnectionString));
    }
}
