using System.Diagnostics;
using FisExtension.Emulator.Tests.Harness;
using Xunit.Abstractions;

namespace FisExtension.Emulator.Tests;

/// <summary>The emulator's own cost per invocation, with a runtime in the test process answering at once.</summary>
public sealed class BenchmarkTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60000)]
    public async Task InvocationThroughTheEmulator_TakesAFewMillisecondsAtMost()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        using var stop = new CancellationTokenSource();
        var serving = runtime.ServeAsync(next => next.Body, stop.Token);
        var payload = Json.Bytes("""{"ping":1}""");
        for (var i = 0; i < 50; i++) await emulator.InvokeAsync(payload);

        var samples = new double[1000];
        for (var i = 0; i < samples.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            await emulator.InvokeAsync(payload);
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }
        await stop.CancelAsync();
        await serving;

        Array.Sort(samples);
        var median = samples[samples.Length / 2];
        output.WriteLine($"median {median:0.000} ms, p90 {samples[900]:0.000} ms, p99 {samples[990]:0.000} ms");
        Assert.InRange(median, 0, 20);
    }
}
