using FisExtension.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace FisExtension.IntegrationTests.Faults;

/// <summary><c>invocationPercentage</c> with the test playing a fast runtime through the proxy, for volume.</summary>
public sealed class PercentageTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task TwoRunsWithTheSameSeed_HitTheSameInvocations()
    {
        var first = await HitSequenceAsync(seed: "20261125", invocations: 24);
        var second = await HitSequenceAsync(seed: "20261125", invocations: 24);

        output.WriteLine($"hits: {string.Concat(first.Select(hit => hit ? 'X' : '.'))}");
        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact(Timeout = 60_000)]
    public async Task TwentyFivePercent_HitsAQuarterOfTheInvocations_WithinTheBinomialBound()
    {
        const int Invocations = 200;
        const double Rate = 0.25;

        var hits = (await HitSequenceAsync(seed: null, invocations: Invocations, percentage: "25")).Count(hit => hit);

        var mean = Invocations * Rate;
        var sigma = Math.Sqrt(Invocations * Rate * (1 - Rate));
        output.WriteLine($"{hits} of {Invocations} invocations hit at 25 % (expected {mean}, σ {sigma:F2})");
        Assert.InRange(hits, mean - (4.5 * sigma), mean + (4.5 * sigma));
    }

    [Fact(Timeout = 60_000)]
    public async Task MissedDraw_DoesNotHandItsTurnToALaterConflictingFault()
    {
        const int Invocations = 16;
        using var faults = new FaultObjectWriter();
        var now = DateTimeOffset.UtcNow;
        faults.Write("EXPturn", "inject-error", FaultObjectWriter.InvocationError, now.AddMinutes(-2), now.AddMinutes(10), new Dictionary<string, object>
        {
            ["invocationPercentage"] = "50",
        });
        faults.Write("EXPturn", "inject-http", FaultObjectWriter.HttpIntegrationResponse, now.AddMinutes(-1), now.AddMinutes(10), new Dictionary<string, object>
        {
            ["statusCode"] = "503",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults, ("AWS_FIS_RANDOM_SEED", "31")));
        await using var runtime = EchoRuntime.Start(harness);

        var errors = 0;
        for (var i = 0; i < Invocations; i++)
        {
            var payload = Json.Event(("n", i));
            var result = await harness.Emulator.InvokeAsync(payload);
            if (result.FunctionError is not null)
            {
                Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
                errors++;
            }
            else
            {
                // Untouched: the 100 % HTTP response started later and does not stand in for a missed error draw.
                Assert.Equal(payload, result.Payload);
            }
        }

        Assert.InRange(errors, 1, Invocations - 1);
    }

    /// <summary>One environment, <paramref name="invocations"/> sequential invocations under an error fault; true where it hit.</summary>
    private static async Task<List<bool>> HitSequenceAsync(string? seed, int invocations, string percentage = "50")
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPpct", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["invocationPercentage"] = percentage,
            ["preventExecution"] = false,
        });
        var options = seed is null
            ? FaultFunctions.InTestRuntime(faults)
            : FaultFunctions.InTestRuntime(faults, ("AWS_FIS_RANDOM_SEED", seed));
        await using var harness = await ExtensionHarness.StartAsync(options);
        await using var runtime = EchoRuntime.Start(harness);
        // Every invocation draws: one that outwaited a slow init poll (CI-like load) would not, and shift the sequence.
        await harness.InitUntilTheExtensionLogsAsync("found active faults: EXPpct/inject-error");

        var hits = new List<bool>(invocations);
        for (var i = 0; i < invocations; i++)
        {
            var payload = Json.Event(("n", i));
            var result = await harness.Emulator.InvokeAsync(payload);
            var hit = result.FunctionError is not null;
            Assert.Equal(hit ? "FisInjectedError" : null, result.ErrorType);
            Assert.Equal(payload, runtime.Received[result.RequestId]);
            if (!hit)
            {
                Assert.Equal(payload, result.Payload);
            }

            hits.Add(hit);
        }

        return hits;
    }
}
