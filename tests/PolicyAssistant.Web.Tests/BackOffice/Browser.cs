using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>The product on a real Kestrel port, driven by Debian's headless chromium.</summary>
public sealed class Browser : IDisposable
{
    private readonly ChromeDriver _driver;

    public Browser(ProductFactory product)
    {
        product.UseKestrel(0);
        product.StartServer();
        BaseUrl = product.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var service = ChromeDriverService.CreateDefaultService(TestEnvironment.ChromeDriverDirectory ?? "/usr/bin");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
            $"--user-data-dir={Directory.CreateTempSubdirectory("policyassistant-chromium-").FullName}");

        // Downloads land in a folder of this browser's own, without asking, so a test can open the file.
        options.AddUserProfilePreference("download.default_directory", DownloadFolder.FullName);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));

        // Headless chromium ignores the download preferences unless told through the DevTools protocol as well.
        _driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?>
        {
            ["behavior"] = "allow",
            ["downloadPath"] = DownloadFolder.FullName,
        });
    }

    public string BaseUrl { get; }

    public DirectoryInfo DownloadFolder { get; } = Directory.CreateTempSubdirectory("policyassistant-downloads-");

    public IWebDriver Driver => _driver;

    public void GoTo(string path) => _driver.Navigate().GoToUrl(BaseUrl + path);

    public IWebElement Find(string css) => _driver.FindElement(By.CssSelector(css));

    public void Type(string css, string text)
    {
        var element = Find(css);
        element.Clear();
        element.SendKeys(text);
    }

    /// <summary>Waits until the page shows an element matching <paramref name="css"/> whose text contains <paramref name="text"/>.</summary>
    public IWebElement WaitForText(string css, string text)
    {
        try
        {
            return Wait().Until(d =>
                d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Text.Contains(text, StringComparison.Ordinal)));
        }
        catch (WebDriverTimeoutException timeout)
        {
            // Say what the page showed instead, so a failure can be read without a screenshot.
            throw new WebDriverTimeoutException($"No '{css}' with '{text}' at {_driver.Url}. The page shows:\n{Find("body").Text}", timeout);
        }
    }

    /// <summary>Waits for a download to finish (chromium writes *.crdownload until then) and returns its path.</summary>
    public string WaitForDownload(string extension)
    {
        var file = Wait().Until(_ => DownloadFolder.GetFiles("*" + extension).FirstOrDefault(f => f.Length > 0));
        return file.FullName;
    }

    public void SignIn(string user = ProductFactory.AdminUser, string password = ProductFactory.AdminPassword)
    {
        GoTo("/Account/Login");
        Type("#Input_UserName", user);
        Type("#Input_Password", password);
        Find("#login").Click();

        // Wait for the answer to the form: the next page, or the login page again with its error.
        Wait().Until(d =>
            !d.Url.Contains("/Account/Login", StringComparison.Ordinal)
            || d.FindElements(By.CssSelector(".error")).Any(e => e.Text.Length > 0));
    }

    /// <summary>Signs out through the layout's button and waits for the home page.</summary>
    public void SignOut()
    {
        Find("#logout").Click();
        Wait().Until(d => d.FindElements(By.CssSelector("#logout")).Count == 0);
    }

    /// <summary>The staff member's own password form, as the first sign-in after an administrator set the password requires.</summary>
    public void ChangePassword(string current, string next)
    {
        GoTo("/Account/Password");
        Type("#Input_CurrentPassword", current);
        Type("#Input_NewPassword", next);
        Type("#Input_ConfirmPassword", next);
        Find("#change-password").Click();
        WaitForText("body", "密码已修改");
    }

    // An element found while the page is being replaced goes stale before its text is read: look again.
    private WebDriverWait Wait()
    {
        var wait = new WebDriverWait(_driver, TimeSpan.FromSeconds(20));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        DownloadFolder.Delete(recursive: true);
    }
}
