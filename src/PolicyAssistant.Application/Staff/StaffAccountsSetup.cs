using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Application.Staff;

public static class StaffAccountsSetup
{
    /// <summary>
    /// Staff accounts on ASP.NET Core Identity's EF stores: its password hasher, lock-out and security stamp.
    /// Passwords are long rather than mixed (10 characters, any kind): staff type them on phones, and length is
    /// what makes them hard to guess. The web host adds the sign-in cookie on top.
    /// </summary>
    public static IdentityBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection();
        var identity = builder.Services.AddIdentityCore<StaffUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<PolicyAssistantDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<RecordStaffAccountAuditCommand>();
        builder.Services.AddScoped<AddStaffCommand>();
        builder.Services.AddScoped<ChangeStaffAccessCommand>();
        builder.Services.AddScoped<SetStaffDisabledCommand>();
        builder.Services.AddScoped<ResetStaffPasswordCommand>();
        builder.Services.AddScoped<ChangeOwnPasswordCommand>();
        builder.Services.AddScoped<ListStaffQuery>();
        builder.Services.AddScoped<RegionNamesQuery>();
        builder.Services.AddScoped<GetAuditTrailQuery>();
        builder.Services.AddScoped<ExportAuditTrailCommand>();
        builder.Services.AddScoped<IStartupTask, StaffRolesTask>();
        return identity;
    }
}

/// <summary>The four staff roles exist as Identity roles before anyone is given one.</summary>
internal sealed class StaffRolesTask(RoleManager<IdentityRole<int>> roles) : IStartupTask
{
    // Before the first administrator, who is given one of them.
    public int Order => StartupTaskOrder.Accounts - 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Enum.GetNames<StaffRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole<int>(role));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create the staff role {role}: {string.Join("; ", created.Errors.Select(e => e.Code))}");
                }
            }
        }
    }
}
