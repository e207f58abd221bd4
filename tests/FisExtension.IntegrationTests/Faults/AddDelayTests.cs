using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary><c>aws:lambda:invocation-add-delay</c> end to end: the shell runtime started through the wrapper, the real extension.</summary>
public sealed class AddDelayTests
{
    private const int DelayMilliseconds = 800;

    // Coarse on purpose: the machine is shared and noisy (a bash runtime's invocation was seen to stall 900 ms with
    // no fault at all, and more on a loaded machine). Precision is measured by DelayPrecisionTests; that the delay is
    // added once, by the extension's log.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(4000);

    private static readonly TimeSpan Requested = TimeSpan.FromMilliseconds(DelayMilliseconds);

    [Fact(Timeout = 60_000)]
    public async Task Delay_HoldsTheEventBackByTheRequestedTime_ThenTheHandlerRuns()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var delay = new StagedFault(faults, "EXPdelay1", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["invocationPercentage"] = "100",
            ["startupDelayMilliseconds"] = DelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        delay.WritePending();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        await delay.ActivateAsync(harness);
        var delayed = await harness.Emulator.InvokeAsync(payload);

        Assert.Null(baseline.FunctionError);
        Assert.Null(delayed.FunctionError);
        Assert.Equal(payload, delayed.Payload);
        Assert.Equal([baseline.RequestId, delayed.RequestId], marker.RequestIds);
        Assert.True(delayed.Duration >= Requested, $"delayed invocation took {delayed.Duration.TotalMilliseconds} ms");
        var added = delayed.Duration - baseline.Duration;
        Assert.True(added < Requested + Slack, $"added {added.TotalMilliseconds} ms for a requested {DelayMilliseconds} ms");
        Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(DelayMilliseconds, "EXPdelay1", "inject-delay", delayed.RequestId)));
        Assert.Single(ExtensionOutput.Lines(harness), l => l.Contains($"adding {DelayMilliseconds} milliseconds", StringComparison.Ordinal)
            && l.Contains($"(requestId {delayed.RequestId})", StringComparison.Ordinal));
    }

    [Fact(Timeout = 150_000)]
    public async Task DelayAboveTheFunctionTimeout_EndsInARealTimeout_BeforeTheHandlerRuns()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var delay = new StagedFault(faults, "EXPdelay2", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = "60000",
        });
        delay.WritePending();
        // A 20 s timeout: the bash function's cold baseline and cold recovered invocations, each with its wait for the
        // init poll, must fit in it under CI-like load (1 s did not, CI 2026-12-02, nor 5 s later), and the 60 s delay
        // overshoots it by far. Not frozen, so that the extension polls on its own and
        // says when it holds the fault: an invocation to make it poll would itself be the one that times out.
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults) with { Timeout = TimeSpan.FromSeconds(20), Freeze = false });
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        delay.Activate();
        Assert.True(await harness.ExtensionLoggedAsync(delay.FoundActive), "no poll read the fault active");
        var timedOut = await harness.Emulator.InvokeAsync(payload);
        delay.Remove(); // the timeout reset the environment: the next invocation inits a new one, which polls first
        var recovered = await harness.Emulator.InvokeAsync(payload);

        Assert.Null(baseline.FunctionError);
        Assert.False(baseline.TimedOut);
        Assert.True(timedOut.TimedOut);
        Assert.Equal("Unhandled", timedOut.FunctionError);
        Assert.Equal("Sandbox.Timedout", Json.String(timedOut.Payload, "errorType"));
        Assert.Equal($"RequestId: {timedOut.RequestId} Error: Task timed out after 20.00 seconds", Json.String(timedOut.Payload, "errorMessage"));
        // The delay in progress did not hold the extension up at the timeout's SHUTDOWN.
        Assert.Contains(harness.Emulator.Logs, l => l.StartsWith("[emulator] SHUTDOWN reason: timeout; fis-extension exited after", StringComparison.Ordinal));
        Assert.True(recovered.ColdStart);
        Assert.Equal(payload, recovered.Payload);
        Assert.Equal([baseline.RequestId, recovered.RequestId], marker.RequestIds);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DelayAndError_BothApply_FirstTheWaitThenTheError(bool preventExecution)
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPboth", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = DelayMilliseconds,
        });
        faults.WriteActive("EXPboth", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["preventExecution"] = preventExecution,
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));

        var result = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        // Waited once: the one 'adding' line (an upper bound on this cold invocation's time broke under CI-like load).
        Assert.True(result.Duration >= Requested, $"invocation took {result.Duration.TotalMilliseconds} ms");
        Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(DelayMilliseconds, "EXPboth", "inject-delay", result.RequestId)));
        Assert.Single(ExtensionOutput.Lines(harness), l => l.Contains($"adding {DelayMilliseconds} milliseconds", StringComparison.Ordinal)
            && l.Contains($"(requestId {result.RequestId})", StringComparison.Ordinal));
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
        Assert.Equal(preventExecution ? [] : [result.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task TwoDelays_OnlyTheEarliestStartedApplies()
    {
        using var faults = new FaultObjectWriter();
        var now = DateTimeOffset.UtcNow;
        faults.Write("EXPtwo", "later-delay", FaultObjectWriter.AddDelay, now.AddMinutes(-1), now.AddMinutes(10), new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = "9000",
        });
        faults.Write("EXPtwo", "earlier-delay", FaultObjectWriter.AddDelay, now.AddMinutes(-2), now.AddMinutes(10), new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = "400",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        await using var runtime = EchoRuntime.Start(harness);

        var result = await harness.Emulator.InvokeAsync(Json.Event(("n", 1)));

        // The later delay not applied is its 'adding' line missing, not a bound on this cold invocation's time.
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(400), $"invocation took {result.Duration.TotalMilliseconds} ms");
        Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(400, "EXPtwo", "earlier-delay", result.RequestId)));
        Assert.DoesNotContain(ExtensionOutput.Lines(harness), l => l.Contains("adding 9000 milliseconds", StringComparison.Ordinal));
    }
}
