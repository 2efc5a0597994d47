using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Web.BackOffice;

public abstract record StaffSignInResult
{
    public sealed record Success(ClaimsPrincipal Principal) : StaffSignInResult;

    public sealed record WrongCredentials : StaffSignInResult;

    public sealed record LockedOut(DateTimeOffset Until) : StaffSignInResult;
}

/// <summary>Checks a staff member's password, with a lock-out after repeated failures.</summary>
public sealed class SignInStaffCommand(PolicyAssistantDbContext db, IPasswordHasher<StaffUser> hasher, TimeProvider clock)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    public async Task<StaffSignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await db.Set<StaffUser>().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return new StaffSignInResult.WrongCredentials();
        }

        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return new StaffSignInResult.LockedOut(until);
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            user.FailedLogins++;
            if (user.FailedLogins >= MaxFailedLogins)
            {
                user.LockedUntil = now + LockOut;
                user.FailedLogins = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new StaffSignInResult.WrongCredentials();
        }

        user.FailedLogins = 0;
        user.LockedUntil = null;
        user.LastLoginAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new StaffSignInResult.Success(CreatePrincipal(user));
    }

    private static ClaimsPrincipal CreatePrincipal(StaffUser user)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
        ];
        if (user.RegionCode is { } region)
        {
            claims.Add(new Claim(StaffClaims.RegionCode, region));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}

public static class StaffClaims
{
    public const string RegionCode = "pa:region";

    /// <summary>The signed-in staff member's id and regions (one claim each), as the household queries need them.</summary>
    public static PolicyAssistant.Application.Households.BackOffice.StaffScope ToStaffScope(this ClaimsPrincipal user) => new(
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."), System.Globalization.CultureInfo.InvariantCulture),
        user.FindAll(RegionCode).Select(c => c.Value).ToList());
}
