using System.Diagnostics;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Tests.Harness;
using Xunit.Abstractions;

namespace FisExtension.Emulator.Tests;

/// <summary>What the namespaces cost: warm invocations (the Runtime API relayed from 127.0.0.1:9001 inside) and the
/// cold start (the holder, the /opt mount, nsenter), with and without them, printed for the record. Time budgets belong
/// in benchmarks, not in tests on a shared machine; the test asserts every answer.</summary>
public sealed class IsolationBenchmarkTests(ITestOutputHelper output)
{
    private const int Warm = 50;
    private const int Cold = 5;

    [Theory(Timeout = 300_000)]
    [InlineData("shell")]
    [InlineData("node")]
    public async Task WarmAndColdInvocations_WithAndWithoutNamespaces_AreEachAnswered(string runtime)
    {
        // An empty /opt: mounted all the same, and no bash extension adding its own noise to every invocation.
        using var opt = new TempDirectory();
        var function = (runtime == "node" ? Stacks.Node("bench", "node-echo").Definition : Emulators.Shell(timeout: TimeSpan.FromSeconds(10)))
            with { OptDirectory = opt.Path };

        foreach (var mode in (IsolationMode[])[IsolationMode.None, IsolationMode.Namespaces])
        {
            await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { Isolation = mode });
            var inits = new List<double>();
            for (var i = 0; i < Cold; i++)
            {
                var init = await emulator.InitializeAsync();
                Assert.True(init.Succeeded, init.ErrorMessage);
                inits.Add(init.Duration.TotalMilliseconds);
                await emulator.ShutdownAsync();
            }
            await emulator.InvokeAsync(Json.Bytes("""{"warmup":1}"""));
            var samples = new List<double>();
            for (var i = 0; i < Warm; i++)
            {
                var payload = Json.Bytes($$"""{"ping":{{i}}}""");
                var clock = Stopwatch.StartNew();
                var result = await emulator.InvokeAsync(payload);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                Assert.Equal(payload, result.Payload);
            }
            output.WriteLine($"{runtime} isolation {mode}: warm median {Median(samples):0.00} ms (p90 {samples.Order().ElementAt(Warm * 9 / 10):0.00}), " +
                $"init median {Median(inits):0.0} ms over {Cold} cold starts");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
