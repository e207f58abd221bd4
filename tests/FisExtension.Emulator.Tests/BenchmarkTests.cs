using System.Diagnostics;
using FisExtension.Emulator.Tests.Harness;
using Xunit.Abstractions;

namespace FisExtension.Emulator.Tests;

/// <summary>
/// A thousand invocations in a row through one environment, each answered with its own bytes. The emulator's cost
/// per invocation is printed for the record; time budgets belong in benchmarks, not in tests on a shared machine.
/// </summary>
public sealed class BenchmarkTests(ITestOutputHelper output)
{
    // 1,050 invocations in a row: a loaded CI machine can take well over a minute for them.
    [Fact(Timeout = 300_000)]
    public async Task ThousandInvocationsInARow_AreEachAnsweredWithTheirOwnPayload()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        using var stop = new CancellationTokenSource();
        var serving = runtime.ServeAsync(next => next.Body, stop.Token);
        for (var i = 0; i < 50; i++) await emulator.InvokeAsync(Json.Bytes("""{"warmup":1}"""));

        var samples = new double[1000];
        for (var i = 0; i < samples.Length; i++)
        {
            var payload = Json.Bytes($$"""{"ping":{{i}}}""");
            var watch = Stopwatch.StartNew();
            var result = await emulator.InvokeAsync(payload);
            samples[i] = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(payload, result.Payload);
        }
        await stop.CancelAsync();
        await serving;

        Array.Sort(samples);
        var median = samples[samples.Length / 2];
        output.WriteLine($"median {median:0.000} ms, p90 {samples[900]:0.000} ms, p99 {samples[990]:0.000} ms");
    }
}
