using PolicyAssistant.Web.Tests.Hosting;

namespace PolicyAssistant.Web.Tests.BackOffice;

public sealed class BackOfficeHomeTests
{
    [Theory]
    [InlineData("Plaintext", true)]
    [InlineData("Compatible", true)]
    [InlineData("Safe", false)]
    public async Task AdministratorsHome_WarnsWhileWeChatIsNotInSafeMode(string mode, bool warned)
    {
        using var product = new ProductFactory(settings: new Dictionary<string, string?>
        {
            ["WeChat:Mode"] = mode,
            ["WeChat:EncodingAesKey"] = new string('k', 43),
        });
        using var client = product.CreateClient();
        await StaffForm.SignInAsync(client, ProductFactory.AdminUser, ProductFactory.AdminPassword);

        var home = await client.GetStringAsync("/Admin");

        Assert.Equal(warned, home.Contains("id=\"wechat-mode-warning\"", StringComparison.Ordinal));
    }

    /// <summary>County offices are often on slow links: every back-office page an administrator opens weighs under 200 KB (demo data).</summary>
    [Fact]
    public async Task BackOfficePages_WeighUnder200KB()
    {
        using var product = new ProductFactory();
        using var client = product.CreateClient();
        await StaffForm.SignInAsync(client, ProductFactory.AdminUser, ProductFactory.AdminPassword);
        string[] pages =
        [
            "/Admin", "/Admin/Knowledge", "/Admin/Knowledge/Unanswered", "/Admin/Knowledge/HitTest", "/Admin/Knowledge/Vocabulary/synonyms",
            "/Admin/Households", "/Admin/Households/Import", "/Admin/Staff", "/Admin/Audit", "/Admin/WeChat/Keywords", "/Admin/WeChat/Menu",
            "/Admin/Tickets", "/Admin/Sms", "/Admin/Campaigns", "/Admin/Awareness", "/Admin/Reports",
        ];

        var heavy = new List<string>();
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            if (response.StatusCode != System.Net.HttpStatusCode.OK || bytes >= 200 * 1024)
            {
                heavy.Add($"{page}: {(int)response.StatusCode}, {bytes / 1024} KB");
            }
        }

        Assert.Empty(heavy);
    }
}
