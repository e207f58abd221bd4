namespace FisExtension.Benchmarks;

/// <summary>
/// Cold starts of the real binary, each followed by SHUTDOWN; then a few shutdowns with the runtime's <c>/next</c>
/// parked in the proxy, once with the runtime still connected and once after it went away (as Lambda stops the
/// runtime before it tells extensions to shut down).
/// </summary>
internal static class StartupBenchmark
{
    private const int ShutdownsWithNextInFlight = 5;
    private static readonly TimeSpan NextArrivalTimeout = TimeSpan.FromSeconds(5);
    private static readonly byte[] SmallBody = new byte[1024];

    public static async Task<StartupResult> MeasureAsync(BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit)
    {
        // One unmeasured start warms the page cache and the fake API's own code paths.
        using (var warmup = await RunningExtension.StartAsync(api, options, audit))
        {
            await warmup.ShutdownAsync();
        }

        var registered = new List<double>();
        var shutdowns = new List<double>();
        var overBudget = 0;
        for (var run = 0; run < options.ColdStarts; run++)
        {
            using var extension = await RunningExtension.StartAsync(api, options, audit);
            registered.Add(extension.StartToRegisteredMilliseconds);
            Keep(await extension.ShutdownAsync(), shutdowns, ref overBudget);
        }

        var runtimeConnected = new List<double>();
        var runtimeGone = new List<double>();
        for (var run = 0; run < ShutdownsWithNextInFlight; run++)
        {
            Keep(await ShutdownWithNextInFlightAsync(options, api, audit, runtimeLeavesFirst: false), runtimeConnected, ref overBudget);
            Keep(await ShutdownWithNextInFlightAsync(options, api, audit, runtimeLeavesFirst: true), runtimeGone, ref overBudget);
        }

        return new StartupResult(
            options.ColdStarts,
            Distribution.Of(registered),
            OrNull(shutdowns),
            OrNull(runtimeConnected),
            OrNull(runtimeGone),
            overBudget);
    }

    private static async Task<double?> ShutdownWithNextInFlightAsync(BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit, bool runtimeLeavesFirst)
    {
        using var extension = await RunningExtension.StartAsync(api, options, audit);
        using var runtime = new RuntimeLoopClient(extension.ProxyAddress);
        using var runtimeExit = new CancellationTokenSource();
        await runtime.RunPairAsync(SmallBody);
        var nextArrived = api.HoldNextInvocations();
        var parked = runtime.RunPairAsync(SmallBody, runtimeExit.Token);
        try
        {
            await nextArrived.WaitAsync(NextArrivalTimeout);
            if (runtimeLeavesFirst)
            {
                await runtimeExit.CancelAsync();
                await parked;
            }

            return await extension.ShutdownAsync();
        }
        finally
        {
            api.ReleaseNextInvocations();
            await parked;
        }
    }

    private static void Keep(double? shutdownMs, List<double> samples, ref int overBudget)
    {
        if (shutdownMs is { } ms)
        {
            samples.Add(ms);
        }
        else
        {
            overBudget++;
        }
    }

    private static Distribution? OrNull(List<double> samples) => samples.Count > 0 ? Distribution.Of(samples) : null;
}
