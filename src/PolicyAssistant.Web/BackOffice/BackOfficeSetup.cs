using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Web.BackOffice;

public sealed class BackOfficeOptions
{
    public string InitialAdminUser { get; set; } = "admin";

    /// <summary>Password of the first administrator, created on a first start with no accounts. Never committed for production.</summary>
    public string InitialAdminPassword { get; set; } = "";
}

public static class BackOfficePolicies
{
    public const string Staff = "Staff";
    public const string Administrator = "Administrator";

    /// <summary>The knowledge base and the unanswered queue: administrators and content editors.</summary>
    public const string ContentEditor = "ContentEditor";

    /// <summary>Campaigns and their reports: administrators and campaign officers.</summary>
    public const string CampaignOfficer = "CampaignOfficer";

    /// <summary>Household rosters and records (region-scoped): administrators and township operators.</summary>
    public const string HouseholdRecords = "HouseholdRecords";
}

public static class BackOfficeSetup
{
    public static IHostApplicationBuilder AddBackOffice(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackOfficeOptions>().BindConfiguration("BackOffice");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/Account/Login";
                cookie.AccessDeniedPath = "/Account/Denied";
                cookie.Cookie.Name = "pa.staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(BackOfficePolicies.Staff, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(BackOfficePolicies.Administrator, policy => policy.RequireRole(nameof(StaffRole.Administrator)))
            .AddPolicy(BackOfficePolicies.ContentEditor, policy => policy.RequireRole(nameof(StaffRole.Administrator), nameof(StaffRole.ContentEditor)))
            .AddPolicy(BackOfficePolicies.CampaignOfficer, policy => policy.RequireRole(nameof(StaffRole.Administrator), nameof(StaffRole.CampaignOfficer)))
            .AddPolicy(BackOfficePolicies.HouseholdRecords, policy => policy.RequireRole(nameof(StaffRole.Administrator), nameof(StaffRole.TownshipOperator)));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", BackOfficePolicies.Staff);
            pages.Conventions.AuthorizeFolder("/Admin/Knowledge", BackOfficePolicies.ContentEditor);
            pages.Conventions.AuthorizeFolder("/Admin/Households", BackOfficePolicies.HouseholdRecords);
            pages.Conventions.AuthorizeFolder("/Admin/Campaigns", BackOfficePolicies.CampaignOfficer);
        });
        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        builder.Services.AddScoped<SignInStaffCommand>();
        builder.Services.AddScoped<IStartupTask, InitialAdministratorTask>();
        return builder;
    }
}
