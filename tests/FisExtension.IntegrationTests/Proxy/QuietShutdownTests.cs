using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>
/// A normal end of the environment — SHUTDOWN, or the reset after a timeout — is not a failure: the extension says
/// it is shutting down and writes no warning or error (no forward failure, no exception) on the way out.
/// </summary>
public sealed class QuietShutdownTests
{
    [Fact(Timeout = 60_000)]
    public async Task Shutdown_WithTheNodeRuntimeParkedInNext_WritesOnlyTheShutdownLine()
    {
        using var faults = new FaultObjectWriter();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults) with { LogFormat = "JSON" });
        var invoked = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo")));
        Assert.Null(invoked.FunctionError);

        var shutdown = await harness.Emulator.ShutdownAsync();

        Assert.Equal(0, Assert.Single(shutdown.Extensions).ExitCode);
        await ExtensionOutputAudit.AssertQuietShutdownAsync(harness, "spindown");
    }

    [Fact(Timeout = 60_000)]
    public async Task ResetAfterATimeout_WithTheProxyForwardingBothWays_WritesOnlyTheShutdownLine()
    {
        using var faults = new FaultObjectWriter();
        await using var harness = await ExtensionHarness.StartAsync(
            FaultFunctions.Shell(faults) with { LogFormat = "JSON", Timeout = TimeSpan.FromSeconds(5) });
        await InitUntilTheFirstPollEndedAsync(harness);

        var timedOut = await harness.Emulator.InvokeAsync(Json.Event(("action", "sleep"), ("sleepMs", 30000)));

        Assert.Equal("Unhandled", timedOut.FunctionError);
        Assert.Contains("Task timed out", Json.String(timedOut.Payload, "errorMessage"), StringComparison.Ordinal);
        Assert.True(await harness.ExtensionLoggedAsync("shutting down (timeout)"), "the extension received the reset's SHUTDOWN");
        await ExtensionOutputAudit.AssertQuietShutdownAsync(harness, "timeout");
    }

    [Fact(Timeout = 60_000)]
    public async Task Shutdown_WithAKeepAliveRuntimeParkedInNext_WritesOnlyTheShutdownLine()
    {
        using var faults = new FaultObjectWriter();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults) with { LogFormat = "JSON", Freeze = false });
        await using var runtime = EchoRuntime.Start(harness);
        Assert.Null((await harness.Emulator.InvokeAsync(Json.Event(("action", "echo")))).FunctionError);

        var shutdown = await harness.Emulator.ShutdownAsync();

        Assert.Equal(0, Assert.Single(shutdown.Extensions).ExitCode);
        await ExtensionOutputAudit.AssertQuietShutdownAsync(harness, "spindown");
    }

    [Fact(Timeout = 60_000)]
    public async Task ResetAfterATimeout_WithTheNodeRuntimeInItsHandler_WritesOnlyTheShutdownLine()
    {
        using var faults = new FaultObjectWriter();
        await using var harness = await ExtensionHarness.StartAsync(
            FaultFunctions.Node(faults) with { LogFormat = "JSON", Timeout = TimeSpan.FromSeconds(5) });
        await InitUntilTheFirstPollEndedAsync(harness);

        var timedOut = await harness.Emulator.InvokeAsync(Json.Event(("action", "sleep"), ("sleepMs", 30000)));

        Assert.Equal("Unhandled", timedOut.FunctionError);
        await ExtensionOutputAudit.AssertQuietShutdownAsync(harness, "timeout");
    }

    /// <summary>
    /// Inits and waits for the init poll, so that the invocation does not wait for it (AWS_FIS_POLL_MAX_WAIT_MILLISECONDS,
    /// 10 s, above these functions' 5 s timeout): the timeout then comes while the handler sleeps, which is the case
    /// under test, and not while the extension still holds the event. 5 s (was 1 s) lets the runtime take the event
    /// under CI-like load; the 30 s sleep still overshoots it.
    /// </summary>
    private static Task InitUntilTheFirstPollEndedAsync(ExtensionHarness harness) => harness.InitUntilTheExtensionLogsAsync(ExtensionOutput.NoActiveFaults);
}
