using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>Several invocations in flight at once (Lambda Managed Instances): each outcome belongs to its own request.</summary>
public sealed class ConcurrencyTests
{
    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FourInFlight_EachInvocationGetsItsOwnOutcome(bool preventExecution)
    {
        const int Invocations = 40;
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPconc", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["invocationPercentage"] = "50",
            ["preventExecution"] = preventExecution,
        });
        await using var harness = await ExtensionHarness.StartAsync(
            FaultFunctions.InTestRuntime(faults, ("AWS_FIS_RANDOM_SEED", "4")) with { MaxConcurrency = 4 });

        // Answers in a different order than the events came: each worker holds its event a varying while.
        await using var runtime = EchoRuntime.Start(harness, workers: 4, beforeAnswer: next => Task.Delay(5 + (next.Event.Length * 7 % 40)));
        await harness.Emulator.InitializeAsync();

        var payloads = Enumerable.Range(0, Invocations).Select(i => Json.Event(("action", "echo"), ("n", i), ("pad", new string('x', i)))).ToList();
        var results = await Task.WhenAll(payloads.Select(payload => harness.Emulator.InvokeAsync(payload)));

        var injected = 0;
        for (var i = 0; i < Invocations; i++)
        {
            var result = results[i];
            if (result.FunctionError is null)
            {
                Assert.Equal(payloads[i], runtime.Received[result.RequestId]);
                Assert.Equal(payloads[i], result.Payload);
                continue;
            }

            Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
            if (preventExecution)
            {
                Assert.False(runtime.Received.ContainsKey(result.RequestId), $"invocation {i} was prevented but reached the runtime");
            }
            else
            {
                Assert.Equal(payloads[i], runtime.Received[result.RequestId]);
            }

            injected++;
        }

        Assert.InRange(injected, 1, Invocations - 1);
        Assert.Equal(Invocations, results.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(Invocations - (preventExecution ? injected : 0), runtime.Received.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task FourInFlight_AreDelayedSideBySide_NotOneAfterAnother()
    {
        const int DelayMilliseconds = 600;
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPconcdelay", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = DelayMilliseconds,
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults) with { MaxConcurrency = 4 });

        // Each handler waits until all four events have reached the runtime: delays run one after another would hand
        // over the second event only after the first was answered, and the four would never be in flight together.
        // (A bound on the total time said the same, but a loaded machine's stalls could break it.)
        // A handler gives up after 20 s, inside the function's 30 s timeout (8 s could pass under CI-like load before
        // the four 600 ms delays ended side by side); one after another, they never would.
        var arrived = 0;
        var gaveUp = 0;
        var allFourInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = EchoRuntime.Start(harness, workers: 4, beforeAnswer: async _ =>
        {
            if (Interlocked.Increment(ref arrived) == 4) allFourInFlight.TrySetResult();
            if (await Task.WhenAny(allFourInFlight.Task, Task.Delay(TimeSpan.FromSeconds(20))) != allFourInFlight.Task) Interlocked.Increment(ref gaveUp);
        });
        await harness.Emulator.InitializeAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => harness.Emulator.InvokeAsync(Json.Event(("n", i)))));

        Assert.True(Volatile.Read(ref gaveUp) == 0, $"{gaveUp} handlers waited 20 s for the other delayed events, and {arrived} events arrived in all");
        Assert.All(results, result =>
        {
            Assert.Null(result.FunctionError);
            Assert.True(result.Duration >= TimeSpan.FromMilliseconds(DelayMilliseconds), $"took {result.Duration.TotalMilliseconds} ms");
        });
    }
}
