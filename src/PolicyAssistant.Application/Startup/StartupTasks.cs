namespace PolicyAssistant.Application.Startup;

/// <summary>
/// Something that must be done before the first request: create the schema, import content, build the index.
/// Tasks run in <see cref="Order"/>; a failing task stops the start, because serving with half a database is worse.
/// </summary>
public interface IStartupTask
{
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Runs the startup tasks. Hosted services start before Kestrel listens, so no request sees an unready product.</summary>
internal sealed class StartupTaskRunner(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StartupTaskOrder
{
    public const int Schema = 0;
    public const int Accounts = 10;
    public const int Content = 20;
    public const int DemoData = 30;
    public const int SearchIndex = 40;
}

public static class StartupTaskSetup
{
    public static IHostApplicationBuilder AddStartupTasks(this IHostApplicationBuilder builder)
    {
        // The product's one clock: features take it from here, tests put a test clock in its place.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IStartupTask, DatabaseSchemaTask>();
        builder.Services.AddHostedService<StartupTaskRunner>();
        return builder;
    }
}
