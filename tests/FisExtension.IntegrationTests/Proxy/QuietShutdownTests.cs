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
            FaultFunctions.Shell(faults) with { LogFormat = "JSON", Timeout = TimeSpan.FromSeconds(1) });

        var timedOut = await harness.Emulator.InvokeAsync(Json.Event(("action", "sleep"), ("sleepMs", 3000)));

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
            FaultFunctions.Node(faults) with { LogFormat = "JSON", Timeout = TimeSpan.FromSeconds(1) });

        var timedOut = await harness.Emulator.InvokeAsync(Json.Event(("action", "sleep"), ("sleepMs", 3000)));

        Assert.Equal("Unhandled", timedOut.FunctionError);
        await ExtensionOutputAudit.AssertQuietShutdownAsync(harness, "timeout");
    }
}
