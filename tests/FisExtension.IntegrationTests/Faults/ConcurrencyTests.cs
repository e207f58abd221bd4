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
}
