using FisExtension.Experiments.Cli;
using FisExtension.Experiments.Tests.Harness;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Experiments;

/// <summary>fisctl and the real published extension together: the objects fisctl writes are the faults the extension injects.</summary>
public sealed class FisctlEndToEndTests
{
    private const int DelayMilliseconds = 2000;

    [Fact(Timeout = 60_000)]
    public async Task FisctlStart_DelaysTheFunction_AndStoppingFisctlEndsTheDelay()
    {
        using var faults = new FaultObjectWriter();
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("fis-test-function"));
        var template = Path.Combine(faults.Directory, "template.json");
        await File.WriteAllTextAsync(template, FisctlInProcess.DelayTemplate(api.Functions[0].Arn, DelayMilliseconds));
        using var stop = new CancellationTokenSource();
        var services = FisctlInProcess.Services("EXPe2e");
        var objectPath = Path.Combine(faults.FunctionDirectory, "EXPe2e-inject-delay.json");
        var payload = Json.Event(("action", "echo"));

        var fisctl = FisctlCommandLine.RunAsync(["experiment", "start", template, "--endpoint", api.Endpoint.ToString(), "--location", faults.Directory + "/"], services, stop.Token);
        Assert.True(await Eventually.TrueAsync(() => File.Exists(objectPath)), "fisctl did not write the object");
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var delayed = await harness.Emulator.InvokeAsync(payload);
        await stop.CancelAsync();
        var exitCode = await fisctl;
        // Until a poll has seen the object gone (a fixed 1.2 s wait for the next poll was not enough under CI-like load).
        await harness.InvokeUntilTheExtensionLogsAsync(ExtensionOutput.NoActiveFaults);
        var after = await harness.Emulator.InvokeAsync(payload);
        await harness.ShutdownAndAwaitTheWholeLogAsync();

        Assert.True(delayed.Duration >= TimeSpan.FromMilliseconds(DelayMilliseconds), $"the invocation during the experiment took {delayed.Duration.TotalMilliseconds} ms");
        Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(DelayMilliseconds, "EXPe2e", "inject-delay", delayed.RequestId)));
        Assert.Equal(130, exitCode);
        Assert.False(File.Exists(objectPath));
        // The delay ended: none for the invocation after it (an upper bound on its time broke under CI-like load).
        Assert.False(ExtensionOutput.Delayed(harness, after.RequestId), "the invocation after the experiment was delayed");
        Assert.Equal(payload, after.Payload);
    }
}
