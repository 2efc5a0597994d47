using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Web.BackOffice;

/// <summary>Creates the first administrator on a database with no accounts, or says what is missing to do so.</summary>
internal sealed partial class InitialAdministratorTask(
    PolicyAssistantDbContext db,
    AddStaffCommand addStaff,
    IOptions<BackOfficeOptions> options,
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

        // The configured password is the operator's own choice, so it is not forced to change at the first sign-in.
        var account = new NewStaffAccount(settings.InitialAdminUser, "系统管理员", StaffRole.Administrator, [], settings.InitialAdminPassword);
        if (await addStaff.AddAsync(null, account, mustChangePassword: false, cancellationToken) is StaffCommandResult.Rejected rejected)
        {
            throw new InvalidOperationException("BackOffice:InitialAdminPassword cannot be used: " + string.Join(" ", rejected.Errors));
        }

        LogCreated(logger, settings.InitialAdminUser);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "No back-office account exists and BackOffice:InitialAdminPassword (env BackOffice__InitialAdminPassword) is empty: set it to create the first administrator.")]
    private static partial void LogNoInitialPassword(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Created the first administrator account '{UserName}'.")]
    private static partial void LogCreated(ILogger logger, string userName);
}
