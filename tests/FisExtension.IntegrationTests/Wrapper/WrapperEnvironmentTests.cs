using System.Diagnostics;
using System.Globalization;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Wrapper;

/// <summary>
/// The runtime the wrapper starts gets the function's environment as it was, but for <c>AWS_LAMBDA_RUNTIME_API</c>:
/// bash exports a variable it imported from the environment, so a wrapper variable named like one of the function's
/// would change it.
/// </summary>
public sealed class WrapperEnvironmentTests
{
    // Names the wrapper's own variables had, or could plausibly have, and the shell's REPLY.
    private static readonly string[] FunctionVariables =
        ["port", "status", "reason", "waited", "probe_seconds", "starting_probe_seconds", "here", "proc", "arg", "line", "probe", "watchdog", "REPLY"];

    [Fact(Timeout = 60_000)]
    public async Task FunctionVariablesNamedLikeTheWrappersOwn_ReachTheRuntimeUnchanged()
    {
        var start = new ProcessStartInfo(RepositoryPaths.Wrapper)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("/usr/bin/env");
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = WrapperRun.OriginalEndpoint;
        // Nothing listens there: the wrapper decides at once.
        start.Environment["AWS_FIS_PROXY_LISTENER_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        foreach (var name in FunctionVariables)
        {
            start.Environment[name] = $"the function's {name}";
        }

        using var wrapper = Process.Start(start)!;
        var (output, error) = (wrapper.StandardOutput.ReadToEndAsync(), wrapper.StandardError.ReadToEndAsync());
        await wrapper.WaitForExitAsync();

        var seen = (await output).Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(0, wrapper.ExitCode);
        Assert.Contains("nothing listens on", await error, StringComparison.Ordinal);
        Assert.Equal(WrapperRun.OriginalEndpoint, seen["AWS_LAMBDA_RUNTIME_API"]);
        Assert.All(FunctionVariables, name => Assert.Equal($"the function's {name}", seen.GetValueOrDefault(name)));
    }
}
