using System.Diagnostics;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// One start of the layer's wrapper as Lambda does it ("bootstrap &lt;runtime&gt;"), with a runtime that prints the
/// endpoint it was given: whether the runtime ran, which endpoint it got, how long the wrapper took to start it.
/// </summary>
internal sealed record WrapperRun(int ExitCode, string? RuntimeEndpoint, string WrapperMessage, TimeSpan Elapsed)
{
    /// <summary>The endpoint the function's environment has before the wrapper runs (Lambda's Runtime API).</summary>
    public const string OriginalEndpoint = "127.0.0.1:9001";

    private const string RuntimeMarker = "runtime started with AWS_LAMBDA_RUNTIME_API=";

    public static async Task<WrapperRun> StartAsync(int proxyPort, string wrapper, CancellationToken cancellationToken)
    {
        var (exitCode, output, error, elapsed) = await RunAsync(
            wrapper, proxyPort, [], ["/bin/sh", "-c", $"printf '{RuntimeMarker}%s' \"$AWS_LAMBDA_RUNTIME_API\""], cancellationToken);
        var endpoint = output.StartsWith(RuntimeMarker, StringComparison.Ordinal) ? output[RuntimeMarker.Length..] : null;
        return new WrapperRun(exitCode, endpoint, error.Trim(), elapsed);
    }

    /// <summary>
    /// Runs the wrapper in front of <paramref name="runtime"/>, with Lambda's original endpoint, the proxy port and
    /// <paramref name="environment"/>: its exit code, the runtime's output, the wrapper's stderr, and how long it took.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error, TimeSpan Elapsed)> RunAsync(
        string wrapper, int proxyPort, IEnumerable<(string Name, string Value)> environment, string[] runtime, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(wrapper)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in runtime)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = OriginalEndpoint;
        start.Environment["AWS_FIS_PROXY_LISTENER_PORT"] = proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {wrapper}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        return (process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
