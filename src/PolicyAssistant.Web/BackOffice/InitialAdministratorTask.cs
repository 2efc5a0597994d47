using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Web.BackOffice;

/// <summary>Creates the first administrator on a database with no accounts, or says what is missing to do so.</summary>
internal sealed partial class InitialAdministratorTask(
    PolicyAssistantDbContext db,
    IPasswordHasher<StaffUser> hasher,
    IOptions<BackOfficeOptions> options,
    TimeProvider clock,
    ILogger<InitialAdministratorTask> logger) : IStartupTask
{
    public int Order => StartupTaskOrder.Accounts;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<StaffUser>().AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        if (settings.InitialAdminPassword.Length == 0)
        {
            LogNoInitialPassword(logger);
            return;
        }

        var admin = new StaffUser
        {
            UserName = settings.InitialAdminUser,
            DisplayName = "系统管理员",
            PasswordHash = "",
            Role = StaffRole.Administrator,
            CreatedAt = clock.GetUtcNow(),
        };
        admin.PasswordHash = hasher.HashPassword(admin, settings.InitialAdminPassword);
        db.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, settings.InitialAdminUser);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "No back-office account exists and BackOffice:InitialAdminPassword (env BackOffice__InitialAdminPassword) is empty: set it to create the first administrator.")]
    private static partial void LogNoInitialPassword(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Created the first administrator account '{UserName}'.")]
    private static partial void LogCreated(ILogger logger, string userName);
}
