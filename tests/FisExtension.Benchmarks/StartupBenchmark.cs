namespace FisExtension.Benchmarks;

/// <summary>Cold starts of the real binary, each followed by SHUTDOWN; then a few shutdowns with a <c>/next</c> in flight.</summary>
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
            if (await extension.ShutdownAsync() is { } shutdownMs)
            {
                shutdowns.Add(shutdownMs);
            }
            else
            {
                overBudget++;
            }
        }

        var inFlight = new List<double>();
        for (var run = 0; run < ShutdownsWithNextInFlight; run++)
        {
            if (await ShutdownWithNextInFlightAsync(options, api, audit) is { } shutdownMs)
            {
                inFlight.Add(shutdownMs);
            }
            else
            {
                overBudget++;
            }
        }

        return new StartupResult(
            options.ColdStarts,
            Distribution.Of(registered),
            shutdowns.Count > 0 ? Distribution.Of(shutdowns) : null,
            inFlight.Count > 0 ? Distribution.Of(inFlight) : null,
            overBudget);
    }

    /// <summary>At spin-down the runtime is normally parked in <c>/next</c>, through the proxy.</summary>
    private static async Task<double?> ShutdownWithNextInFlightAsync(BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit)
    {
        using var extension = await RunningExtension.StartAsync(api, options, audit);
        using var runtime = new RuntimeLoopClient(extension.ProxyAddress);
        await runtime.RunPairAsync(SmallBody);
        var nextArrived = api.HoldNextInvocations();
        var parked = runtime.RunPairAsync(SmallBody);
        try
        {
            await nextArrived.WaitAsync(NextArrivalTimeout);
            return await extension.ShutdownAsync();
        }
        finally
        {
            api.ReleaseNextInvocations();
            await parked;
        }
    }
}
