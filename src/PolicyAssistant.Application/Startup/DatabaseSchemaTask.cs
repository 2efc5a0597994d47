using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Data;

namespace PolicyAssistant.Application.Startup;

internal sealed class DatabaseSchemaTask(PolicyAssistantDbContext db) : IStartupTask
{
    public int Order => StartupTaskOrder.Schema;

    public Task RunAsync(CancellationToken cancellationToken) => db.Database.EnsureCreatedAsync(cancellationToken);
}
