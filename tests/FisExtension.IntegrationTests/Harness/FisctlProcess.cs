using System.Diagnostics;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>The real fisctl executable, run to its end with a state folder of its own; its exit code and output.</summary>
internal static class FisctlProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string stateDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "fisctl"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["FISCTL_STATE_DIR"] = stateDirectory },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
