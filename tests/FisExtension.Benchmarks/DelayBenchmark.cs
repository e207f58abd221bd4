using System.Diagnostics;
using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>
/// Two extensions on the same fake API: one whose local configuration folder holds a 100 % start-up delay, one
/// without a location. Their <c>GET /next</c> times are taken in alternating blocks whose order flips every round,
/// so that drift in machine load falls on both; the baseline median is what the proxy costs without the delay.
/// </summary>
internal static class DelayBenchmark
{
    private const int BlockSize = 20;
    private const int WarmupDelays = 10;
    private static readonly byte[] SmallBody = new byte[1024];

    public static async Task<(DelayResult Result, DelaySamples Samples)> MeasureAsync(BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit)
    {
        using var folder = FaultConfigurationFolder.WithActiveFault(
            "aws:lambda:invocation-add-delay",
            "delay",
            new Dictionary<string, string> { ["startupDelayMilliseconds"] = options.DelayMilliseconds.ToString(CultureInfo.InvariantCulture), ["invocationPercentage"] = "100" });
        using var delaying = await RunningExtension.StartAsync(api, folder.ConfigureExtension(options), audit);
        using var plain = await RunningExtension.StartAsync(api, options, audit);
        using var delayed = new RuntimeLoopClient(delaying.ProxyAddress);
        using var baseline = new RuntimeLoopClient(plain.ProxyAddress);

        // The first delayed invocation also waits for the first poll; none of the warm-up is kept.
        await RunBlockAsync(baseline, options.WarmupPairs, round: -1, since: 0, samples: null);
        await RunBlockAsync(delayed, WarmupDelays, round: -1, since: 0, samples: null);
        if (delayed.Errors + baseline.Errors > 0)
        {
            audit.Add([$"(delay warm-up: {delayed.Errors} delayed and {baseline.Errors} baseline invocations failed; first: {delayed.FirstError ?? baseline.FirstError})"]);
        }

        var errorsBefore = delayed.Errors + baseline.Errors;
        var delayedMs = new List<DelaySample>(options.Delays);
        var baselineMs = new List<DelaySample>(options.Delays);
        var since = Stopwatch.GetTimestamp();
        for (var round = 0; delayedMs.Count < options.Delays && round < options.Delays; round++)
        {
            var block = Math.Min(BlockSize, options.Delays - delayedMs.Count);
            if (round % 2 == 0)
            {
                await RunBlockAsync(delayed, block, round, since, delayedMs);
                await RunBlockAsync(baseline, block, round, since, baselineMs);
            }
            else
            {
                await RunBlockAsync(baseline, block, round, since, baselineMs);
                await RunBlockAsync(delayed, block, round, since, delayedMs);
            }
        }

        await delaying.ShutdownAsync();
        await plain.ShutdownAsync();

        var baselineNext = Distribution.Of([.. baselineMs.Select(sample => sample.Milliseconds)]);
        var excess = delayedMs.Select(sample => sample.Milliseconds - baselineNext.Median - options.DelayMilliseconds).ToArray();
        var result = new DelayResult(
            options.DelayMilliseconds,
            BlockSize,
            WarmupDelays,
            baselineNext,
            Distribution.Of([.. delayedMs.Select(sample => sample.Milliseconds)]),
            Distribution.Of(excess),
            delayed.Errors + baseline.Errors - errorsBefore,
            delayed.FirstError ?? baseline.FirstError);
        return (result, new DelaySamples(baselineMs, delayedMs));
    }

    private static async Task RunBlockAsync(RuntimeLoopClient client, int invocations, int round, long since, List<DelaySample>? samples)
    {
        for (var i = 0; i < invocations; i++)
        {
            if (await client.RunInvocationAsync(SmallBody) is { } timing)
            {
                samples?.Add(new DelaySample(round, Stopwatch.GetElapsedTime(since).TotalSeconds, timing.NextMicroseconds / 1000));
            }
        }
    }
}
