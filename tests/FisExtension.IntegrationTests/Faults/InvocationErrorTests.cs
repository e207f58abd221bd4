using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary><c>aws:lambda:invocation-error</c> end to end: the shell runtime started through the wrapper, the real extension.</summary>
public sealed class InvocationErrorTests
{
    [Fact(Timeout = 60_000)]
    public async Task PreventingExecution_FailsTheInvocationWithoutRunningTheHandler_AndTheRuntimeGetsTheNextEvent()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var error = Staged(faults, "EXPerr1", preventExecution: true);
        error.WritePending();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        await error.ActivateAsync(harness);
        var failed = await harness.Emulator.InvokeAsync(payload);
        await error.RemoveAsync(harness);
        var after = await harness.Emulator.InvokeAsync(payload);

        AssertInjectedError(failed, error.ExperimentId, error.ActionName);
        Assert.Null(baseline.FunctionError);
        Assert.Null(after.FunctionError);
        Assert.Equal(payload, after.Payload);
        Assert.Equal([baseline.RequestId, after.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task NotPreventingExecution_RunsTheHandler_ThenReplacesItsResponseWithTheError()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var error = Staged(faults, "EXPerr2", preventExecution: false);
        error.WritePending();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        await error.ActivateAsync(harness);
        var failed = await harness.Emulator.InvokeAsync(payload);

        Assert.Null(baseline.FunctionError);
        Assert.Equal(payload, baseline.Payload);
        AssertInjectedError(failed, error.ExperimentId, error.ActionName);
        Assert.Equal([baseline.RequestId, failed.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task HandlerThatFails_HasItsOwnErrorReplacedByTheInjectedError()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPerr3", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "false" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));

        var failed = await harness.Emulator.InvokeAsync(Json.Event(("action", "error"), ("errorType", "OrderRejected"), ("markerFile", marker.Path)));

        AssertInjectedError(failed, "EXPerr3", "inject-error");
        Assert.Equal([failed.RequestId], marker.RequestIds);
    }

    internal static void AssertInjectedError(Emulator.InvocationResult result, string experimentId, string actionName)
    {
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Unhandled", result.Headers["X-Amz-Function-Error"]);
        Assert.Equal("FisInjectedError", result.ErrorType);
        Assert.Equal("FisInjectedError", result.ResultRequestHeaders["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
        Assert.Equal(
            $"Fault injected by AWS FIS experiment {experimentId}, action {actionName} (aws:lambda:invocation-error)",
            Json.String(result.Payload, "errorMessage"));
    }

    private static StagedFault Staged(FaultObjectWriter faults, string experimentId, bool preventExecution) =>
        new(faults, experimentId, "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["invocationPercentage"] = "100",
            ["preventExecution"] = preventExecution ? "true" : "false",
        });
}
