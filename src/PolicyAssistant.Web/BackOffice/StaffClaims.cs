using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Staff;

namespace PolicyAssistant.Web.BackOffice;

public static class StaffClaims
{
    public const string RegionCode = "pa:region";

    public const string DisplayName = "pa:display-name";

    /// <summary>Present while the password an administrator set has not yet been replaced by the owner's own.</summary>
    public const string MustChangePassword = "pa:must-change-password";

    /// <summary>The signed-in staff member's id and regions (one claim each), as the household queries need them.</summary>
    public static StaffScope ToStaffScope(this ClaimsPrincipal user) => new(
        user.StaffId(),
        user.FindAll(RegionCode).Select(c => c.Value).ToList());

    public static int StaffId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."), CultureInfo.InvariantCulture);

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Identity's claims (id, user name, role, security stamp) plus the display name, the regions and the pending password change.</summary>
internal sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options, PolicyAssistantDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<int>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        var regions = await db.Set<StaffRegion>().Where(r => r.StaffUserId == user.Id).Select(r => r.RegionCode).ToListAsync();
        identity.AddClaims(regions.Select(code => new Claim(StaffClaims.RegionCode, code)));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}

/// <summary>
/// Identity's sign-in, refusing disabled accounts (reported as NotAllowed), noting the last sign-in, and telling
/// nothing to someone without the password: a name that does not exist takes as long as one that does, and a locked
/// or disabled account answers a wrong password as any account does.
/// </summary>
internal sealed class StaffSignInManager(
    UserManager<StaffUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<StaffUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    TimeProvider clock)
    : SignInManager<StaffUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) => user.DisabledAt is null && await base.CanSignInAsync(user);

    /// <summary>Hashed once with the configured hasher, so checking against it costs what checking a real password does.</summary>
    private static string? _dummyHash;

    /// <summary>
    /// Identity answers a name it does not know at once, but hashes the password typed for a name it knows (tens of
    /// milliseconds by design): the difference would tell which names exist. An unknown name's password is checked
    /// against a dummy hash instead, and fails as a wrong password does.
    /// </summary>
    public override async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            // Identity reports a locked or disabled account before it looks at the password, which would tell a
            // stranger the name exists (and that their guesses locked it): only the right password learns why.
            var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
            return (result.IsLockedOut || result.IsNotAllowed) && !await UserManager.CheckPasswordAsync(user, password)
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : result;
        }

        var nobody = new StaffUser();
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(nobody, _dummyHash, password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    public override async Task SignInWithClaimsAsync(StaffUser user, Microsoft.AspNetCore.Authentication.AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        user.LastLoginAt = clock.GetUtcNow();
        await UserManager.UpdateAsync(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }
}
