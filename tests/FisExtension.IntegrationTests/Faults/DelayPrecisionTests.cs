using System.Diagnostics;
using System.Globalization;
using FisExtension.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// How close an injected delay is to the requested one, measured where the runtime sees it: from the invoke call to
/// the runtime's <c>/next</c> returning, for delayed invocations and, interleaved with them by a 50 % draw, undelayed
/// ones (the baseline). Reports p50/p99 of (delayed − baseline median − requested); asserts only coarse bounds,
/// because the machine is shared.
/// </summary>
public sealed class DelayPrecisionTests(ITestOutputHelper output)
{
    private const int RequestedMilliseconds = 200;
    private const int Invocations = 200;

    [Fact(Timeout = 90_000)]
    public async Task InjectedDelay_IsNeverShorterThanRequested_AndCloseToIt()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPprecision", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = RequestedMilliseconds,
            ["invocationPercentage"] = 50,
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults, ("AWS_FIS_RANDOM_SEED", "200")));
        using var runtime = harness.RuntimeThroughProxy();
        var warmUp = harness.Emulator.InvokeAsync(Json.Event(("n", -1)));
        await runtime.EchoOneAsync();
        await warmUp;

        var observed = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Invocations; i++)
        {
            var next = runtime.NextAsync();
            var started = Stopwatch.GetTimestamp();
            var invoke = harness.Emulator.InvokeAsync(Json.Event(("n", i)));
            var received = await next;
            observed[received.RequestId] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            using var answered = await runtime.PostResponseAsync(received.RequestId, received.Event);
            var result = await invoke;
            Assert.Equal(received.RequestId, result.RequestId);
        }

        var delayedIds = await DelayedRequestIdsAsync(harness);
        var delayed = observed.Where(o => delayedIds.Contains(o.Key)).Select(o => o.Value).Order().ToList();
        var baseline = observed.Where(o => !delayedIds.Contains(o.Key)).Select(o => o.Value).Order().ToList();
        Assert.NotEmpty(delayed);
        Assert.NotEmpty(baseline);

        var baselineMedian = Percentile(baseline, 50);
        var excess = delayed.Select(d => d - baselineMedian - RequestedMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{delayed.Count} delayed, {baseline.Count} baseline; baseline p50 {baselineMedian:F2} ms p99 {Percentile(baseline, 99):F2} ms; "
            + $"actual − requested: p50 {Percentile(excess, 50):F2} ms, p99 {Percentile(excess, 99):F2} ms, max {excess[^1]:F2} ms; "
            + $"invoke call to /next: delayed p50 {Percentile(delayed, 50):F2} ms, p99 {Percentile(delayed, 99):F2} ms"));

        Assert.All(delayed, d => Assert.True(d >= RequestedMilliseconds, $"a delayed invocation reached the runtime after {d:F1} ms"));
        // Against the interleaved baseline, not an absolute time: under CI-like load every invocation's path to the
        // runtime is slower, delayed or not, and only what the delay adds is the extension's.
        Assert.True(Percentile(excess, 50) < 500,
            $"delayed median {Percentile(delayed, 50):F1} ms is {Percentile(excess, 50):F1} ms above the baseline median {baselineMedian:F1} ms plus the {RequestedMilliseconds} ms requested");
    }

    /// <summary>The request ids the extension logged a delay for: <c>adding 200 milliseconds … (requestId …)</c>.</summary>
    private static async Task<HashSet<string>> DelayedRequestIdsAsync(ExtensionHarness harness)
    {
        const string Marker = "(requestId ";
        await harness.ShutdownAndAwaitTheWholeLogAsync();
        return ExtensionOutput.Lines(harness)
            .Where(l => l.Contains($"adding {RequestedMilliseconds} milliseconds of latency", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].TrimEnd(')'))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
