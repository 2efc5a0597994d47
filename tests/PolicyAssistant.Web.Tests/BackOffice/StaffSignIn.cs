using PolicyAssistant.Web.Tests.Hosting;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>Signs an HTTP client in as staff through the login page, as a browser does; the one place to change with the login.</summary>
internal static class StaffSignIn
{
    public static async Task SignInAsync(HttpClient client, string user = ProductFactory.AdminUser, string password = ProductFactory.AdminPassword)
    {
        var form = await StaffForm.OpenAsync(client, "/Account/Login");
        var response = await form.PostAsync(new() { ["Input.UserName"] = user, ["Input.Password"] = password });
        response.EnsureSuccessStatusCode();
        if (response.RequestMessage?.RequestUri?.AbsolutePath.Contains("/Account/Login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in as {user} failed.");
        }
    }
}
