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
        var start = new ProcessStartInfo(wrapper)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"printf '{RuntimeMarker}%s' \"$AWS_LAMBDA_RUNTIME_API\"");
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = OriginalEndpoint;
        start.Environment["AWS_FIS_PROXY_LISTENER_PORT"] = proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {wrapper}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        var output = await stdout;
        var endpoint = output.StartsWith(RuntimeMarker, StringComparison.Ordinal) ? output[RuntimeMarker.Length..] : null;
        return new WrapperRun(process.ExitCode, endpoint, (await stderr).Trim(), clock.Elapsed);
    }
}
