using System.Text.RegularExpressions;

namespace PolicyAssistant.Web.Tests.Hosting;

/// <summary>A page's form as a browser posts it: the anti-forgery cookie from the GET, and the token from its hidden field.</summary>
internal sealed partial class StaffForm(HttpClient client, string path, string token)
{
    public static async Task<StaffForm> OpenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenField().Match(page) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"{path} has no anti-forgery token.");
        return new StaffForm(client, path, token);
    }

    /// <summary>Signs <paramref name="client"/> (which keeps cookies) in through the login page, as a browser does.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var response = await (await OpenAsync(client, "/Account/Login")).PostAsync(new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/Login", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"{userName} could not sign in: {response.StatusCode}.");
        }
    }

    public Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields, string? handler = null)
    {
        fields["__RequestVerificationToken"] = token;
        return client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
