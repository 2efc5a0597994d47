using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Staff;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>
/// User names cannot be told apart by how long a failed log-in takes: the password typed for a name that does not
/// exist is hashed as one for a name that does. Asserted by counting Identity's own hasher's work, not by the clock.
/// </summary>
public sealed class LoginTimingTests
{
    [Fact]
    public async Task Login_UnknownUserName_HashesThePasswordAsForAKnownName()
    {
        var hasher = new CountingPasswordHasher();
        using var product = new ProductFactory();
        using var factory = product.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<StaffUser>>(hasher)));
        using var client = factory.CreateClient();
        var form = await StaffForm.OpenAsync(client, "/Account/Login");
        var before = hasher.Verifications;

        var response = await form.PostAsync(new() { ["Input.UserName"] = "nobody-by-this-name", ["Input.Password"] = "some-password-1" });

        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, hasher.Verifications - before);
    }

    [Fact]
    public async Task Login_KnownUserNameWrongPassword_HashesThePasswordOnce()
    {
        var hasher = new CountingPasswordHasher();
        using var product = new ProductFactory();
        using var factory = product.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<StaffUser>>(hasher)));
        using var client = factory.CreateClient();
        var form = await StaffForm.OpenAsync(client, "/Account/Login");
        var before = hasher.Verifications;

        await form.PostAsync(new() { ["Input.UserName"] = ProductFactory.AdminUser, ["Input.Password"] = "some-password-1" });

        Assert.Equal(1, hasher.Verifications - before);
    }

    /// <summary>Identity's hasher, counting its verifications.</summary>
    private sealed class CountingPasswordHasher : PasswordHasher<StaffUser>
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public override PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
