using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Web.BackOffice;

public sealed class BackOfficeOptions
{
    public string InitialAdminUser { get; set; } = "admin";

    /// <summary>Password of the first administrator, created on a first start with no accounts. Never committed for production.</summary>
    public string InitialAdminPassword { get; set; } = "";

    /// <summary>How old a session's account check may be before it is made again (tests: zero, every request).</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
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
        builder.AddStaffAccounts()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/Denied";
            cookie.Cookie.Name = "pa.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // How soon a session ends after its account changed (logout, password, disabled, role or regions): each
        // request older than this re-reads the account's security stamp.
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<BackOfficeOptions>>((validator, settings) =>
            validator.ValidationInterval = settings.Value.SessionCheckInterval);
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
            pages.Conventions.AuthorizeFolder("/Admin/Staff", BackOfficePolicies.Administrator);
            pages.Conventions.AuthorizePage("/Admin/Audit", BackOfficePolicies.Administrator);
            pages.Conventions.AuthorizePage("/Account/Password", BackOfficePolicies.Staff);
            pages.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new PasswordChangeFirstFilter()));
            pages.Conventions.AuthorizeFolder("/Admin/Reports", BackOfficePolicies.CampaignOfficer);
            pages.Conventions.AuthorizeFolder("/Admin/Awareness", BackOfficePolicies.CampaignOfficer);
            pages.Conventions.AuthorizeFolder("/Admin/Campaigns", BackOfficePolicies.CampaignOfficer);
        });
        builder.Services.AddScoped<IStartupTask, InitialAdministratorTask>();

        // Chinese text written into pages as it is, not as &#x…; entities (a third of the bytes, and readable in the source).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoder =>
            encoder.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }
}

/// <summary>A staff member whose password an administrator set works nowhere in the back office before choosing their own.</summary>
internal sealed class PasswordChangeFirstFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword))
        {
            context.Result = new RedirectToPageResult("/Account/Password", new { returnUrl = context.HttpContext.Request.Path.Value });
            return Task.CompletedTask;
        }

        return next();
    }
}
