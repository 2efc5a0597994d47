using System.Diagnostics;

namespace PolicyAssistant.Application.Tests.Sms.Gateways;

/// <summary>Runs a short python3 script: an implementation written apart from ours, to cross-check signatures.</summary>
public static class Python
{
    public static string Run(string script, string input)
    {
        var start = new ProcessStartInfo("python3", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.TrimEnd('\n') : throw new InvalidOperationException("python3 failed: " + error);
    }
}
