using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>The three faults with the official Node.js runtime interface client (aws-lambda-ric) running tests/functions/node-echo.</summary>
public sealed class NodeRuntimeTests
{
    [Fact(Timeout = 60_000)]
    public async Task Delay_HoldsTheEventBack_ThenTheNodeHandlerRuns()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var delay = new StagedFault(faults, "EXPnode1", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = "700",
        });
        delay.WritePending();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        await delay.ActivateAsync(harness);
        var delayed = await harness.Emulator.InvokeAsync(payload);

        Assert.Equal(payload, baseline.Payload);
        Assert.Equal(payload, delayed.Payload);
        Assert.True(delayed.Duration >= TimeSpan.FromMilliseconds(700), $"delayed invocation took {delayed.Duration.TotalMilliseconds} ms");
        // Added once, not more: the extension's own account (an upper bound on the time was broken by CI-like load).
        Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(700, "EXPnode1", "inject-delay", delayed.RequestId)));
        Assert.Single(ExtensionOutput.Lines(harness), l => l.Contains("adding 700 milliseconds", StringComparison.Ordinal)
            && l.Contains($"(requestId {delayed.RequestId})", StringComparison.Ordinal));
        Assert.Equal([baseline.RequestId, delayed.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task ErrorNotPreventingExecution_RunsTheNodeHandler_ThenFailsTheInvocation()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPnode2", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["preventExecution"] = "false",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults));

        var result = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
        Assert.Equal(
            "Fault injected by AWS FIS experiment EXPnode2, action inject-error (aws:lambda:invocation-error)",
            Json.String(result.Payload, "errorMessage"));
        Assert.Equal([result.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task HttpResponsePreventingExecution_AnswersWithoutRunningTheNodeHandler()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPnode3", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "500",
            ["preventExecution"] = "true",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults));

        var first = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));
        var second = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        foreach (var result in new[] { first, second })
        {
            Assert.Null(result.FunctionError);
            HttpIntegrationResponseTests.AssertSyntheticResponse(
                result.Payload, 500, "application/json", """{"message":"Internal Server Error","source":"aws-fis"}""", statusDescription: null);
        }

        Assert.Empty(marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task ErrorPreventingHalfTheInvocations_TheNodeClientGetsEveryOtherEventIntact()
    {
        const int Invocations = 12;
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPnode4", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["invocationPercentage"] = "50",
            ["preventExecution"] = "true",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults, environment: ("AWS_FIS_RANDOM_SEED", "5")));

        var ran = new List<string>();
        var prevented = 0;
        for (var i = 0; i < Invocations; i++)
        {
            var payload = Json.Event(("action", "echo"), ("n", i), ("markerFile", marker.Path));
            var result = await harness.Emulator.InvokeAsync(payload);
            if (result.FunctionError is null)
            {
                Assert.Equal(payload, result.Payload);
                ran.Add(result.RequestId);
            }
            else
            {
                Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
                prevented++;
            }
        }

        Assert.InRange(prevented, 1, Invocations - 1);
        Assert.Equal(ran, marker.RequestIds);
    }
}
