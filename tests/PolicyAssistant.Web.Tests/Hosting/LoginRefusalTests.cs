using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>
/// A locked or disabled account tells why it cannot sign in only to someone who typed its password: to anyone else it
/// answers as every account answers a wrong password, so guessing reveals neither the name nor that it was locked.
/// </summary>
public sealed class LoginRefusalTests : IDisposable
{
    private const string UserName = "officer-zhou";
    private const string Password = "officer-password-1";
    private const string WrongPassword = "not-the-password-1";
    private const string WrongAnswer = "用户名或密码不正确";

    private readonly ProductFactory _product = new();

    public LoginRefusalTests() => StaffAccounts.CreateAsync(_product.Services, UserName, Password, StaffRole.CampaignOfficer).GetAwaiter().GetResult();

    [Fact]
    public async Task Login_LockedAccountWrongPassword_GetsTheWrongPasswordAnswer()
    {
        await LockAsync();

        Assert.Contains(WrongAnswer, await SignInAsync(WrongPassword), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_LockedAccountRightPassword_IsToldItIsLocked()
    {
        await LockAsync();

        Assert.Contains("账号已暂时锁定", await SignInAsync(Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_DisabledAccountWrongPassword_GetsTheWrongPasswordAnswer()
    {
        using (var scope = _product.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByNameAsync(UserName))!;
            user.DisabledAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(user);
        }

        Assert.Contains(WrongAnswer, await SignInAsync(WrongPassword), StringComparison.Ordinal);
    }

    public void Dispose() => _product.Dispose();

    // Identity locks an account after five wrong passwords in a row.
    private async Task LockAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(WrongPassword);
        }
    }

    private async Task<string> SignInAsync(string password)
    {
        using var client = _product.CreateClient();
        var form = await StaffForm.OpenAsync(client, "/Account/Login");
        var response = await form.PostAsync(new() { ["Input.UserName"] = UserName, ["Input.Password"] = password });
        return await response.Content.ReadAsStringAsync();
    }
}
