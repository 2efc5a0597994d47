using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.Support;

/// <summary>
/// The product as an operating-system process of its own (the built PolicyAssistant.Web.dll under <c>dotnet</c>),
/// on a free loopback port: a test can kill it with SIGKILL, as a crash or the OOM killer would, and start it again.
/// </summary>
public sealed class ProductProcess : IDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dataFolder;

    private ProductProcess(Process process, Uri address, DirectoryInfo dataFolder)
    {
        _process = process;
        Address = address;
        _dataFolder = dataFolder;
    }

    public Uri Address { get; }

    // The last lines the product wrote, to say why it did not start.
    private readonly Queue<string> _output = new();

    private void Remember(string? line)
    {
        lock (_output)
        {
            if (line is null) return;
            _output.Enqueue(line);
            if (_output.Count > 40) _output.Dequeue();
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    /// <summary>Starts the product on <paramref name="database"/> with <paramref name="settings"/> (configuration keys) and waits until /readyz says ready.</summary>
    public static async Task<ProductProcess> StartAsync(TestDatabase database, IDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var dataFolder = Directory.CreateTempSubdirectory("policyassistant-process-");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PolicyAssistant.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Urls"] = address.ToString(),
            ["Storage__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Storage__ContentFolder"] = RepositoryPaths.Content,
            ["Storage__DataFolder"] = dataFolder.FullName,
            ["Households__PersonalDataKey"] = database.PersonalDataKey,
            ["BackOffice__InitialAdminPassword"] = ProductFactory.AdminPassword,
            ["RateLimits__Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var product = new ProductProcess(Process.Start(start)!, address, dataFolder);
        product._process.OutputDataReceived += (_, line) => product.Remember(line.Data);
        product._process.ErrorDataReceived += (_, line) => product.Remember(line.Data);
        product._process.BeginOutputReadLine();
        product._process.BeginErrorReadLine();
        await product.WaitUntilReadyAsync();
        return product;
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, nothing flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        TempFolders.Delete(_dataFolder);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The product exited with code {_process.ExitCode} before it was ready:\n{Output()}");
            }

            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The product was not ready within 60 s:\n{Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
