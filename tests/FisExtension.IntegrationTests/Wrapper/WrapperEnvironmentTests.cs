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
        // Nothing listens on the port: the wrapper decides at once.
        var (seen, error, _) = await RunWrapperAsync(FreePort.Next(), FunctionVariables.Select(name => (name, $"the function's {name}")));

        Assert.Contains("nothing listens on", error, StringComparison.Ordinal);
        Assert.Equal(WrapperRun.OriginalEndpoint, seen["AWS_LAMBDA_RUNTIME_API"]);
        Assert.All(FunctionVariables, name => Assert.Equal($"the function's {name}", seen.GetValueOrDefault(name)));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("SHELLOPTS", "errexit:nounset", false)]
    [InlineData("SHELLOPTS", "errexit:nounset", true)]
    [InlineData("POSIXLY_CORRECT", "1", false)]
    [InlineData("POSIXLY_CORRECT", "1", true)]
    public async Task ShellOptionsFromTheFunctionsEnvironment_StillStartTheRuntime_InBoundedTime(string name, string value, bool strangerNeverAnswers)
    {
        // bash takes its options from these; under errexit the wrapper exited before starting the runtime.
        using var stranger = new HeldPort(listen: strangerNeverAnswers);

        var (seen, error, elapsed) = await RunWrapperAsync(stranger.Port, [(name, value)]);

        Assert.True(seen.ContainsKey("AWS_LAMBDA_RUNTIME_API"), $"the runtime did not run: {error}");
        Assert.Equal(WrapperRun.OriginalEndpoint, seen["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Contains(strangerNeverAnswers ? "answered within 2 s" : "nothing listens on", error, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(12), $"the runtime started after {elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The wrapper with /usr/bin/env as the runtime: the environment the runtime got, the wrapper's stderr, and how long it took.</summary>
    private static async Task<(Dictionary<string, string> Seen, string Error, TimeSpan Elapsed)> RunWrapperAsync(int proxyPort, IEnumerable<(string Name, string Value)> environment)
    {
        var (_, output, error, elapsed) = await WrapperRun.RunAsync(RepositoryPaths.Wrapper, proxyPort, environment, ["/usr/bin/env"], CancellationToken.None);
        var seen = output.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        return (seen, error, elapsed);
    }
}
