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

    public Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields, string? handler = null)
    {
        fields["__RequestVerificationToken"] = token;
        return client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
