using System.Collections.Concurrent;
using Xunit.Abstractions;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// Every fault ends on time: a held start delay is released at its fault's end time or when a poll no longer lists
/// its object (FIS deletes the objects when an action ends or the experiment is stopped), and a pending override
/// whose fault ended before the handler's result arrived is not applied. The test plays the runtime through the
/// proxy and records when each event reached it.
/// </summary>
public sealed class FaultEndTests(ITestOutputHelper output)
{
    // The longest delay FIS allows: without a release it would outlast every test here.
    private const string LongestDelay = "900000";

    // Clock noise: a release this much before its time is a bug.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(750);

    // How late a release may come: a loaded machine's timers ran 2 s late (2026-12-02), and CI-like load adds the
    // test host's own lag; an unreleased delay is held until the function's 40 s timeout, far beyond it.
    private static readonly TimeSpan Lateness = TimeSpan.FromSeconds(10);

    // FaultFunctions polls every second while a fault is known.
    private static readonly TimeSpan HotInterval = TimeSpan.FromSeconds(1);

    [Fact(Timeout = 60_000)]
    public async Task DelayOutlastingItsFault_IsReleasedAtTheFaultsEndTime()
    {
        using var faults = new FaultObjectWriter();
        var parameters = new Dictionary<string, object> { ["startupDelayMilliseconds"] = LongestDelay };
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        faults.Write("EXPends", "inject-delay", FaultObjectWriter.AddDelay, start, start.AddMinutes(30), parameters);
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults) with { Timeout = TimeSpan.FromSeconds(40) });
        var arrivals = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var runtime = EchoRuntime.Start(harness, beforeAnswer: next => Record(arrivals, next));
        var payload = Json.Event(("n", 1));

        // The end moves to 12 s away once the environment is up, and the invocation is sent at once: the delay follows
        // its fault by key, so a poll during the delay that reads the new end releases it then too. (The end was 3 s
        // after a fixed wait for the next poll, which left too little room under CI-like load.)
        await harness.Emulator.InitializeAsync();
        var end = DateTimeOffset.UtcNow.AddSeconds(12);
        faults.Write("EXPends", "inject-delay", FaultObjectWriter.AddDelay, start, end, parameters);
        var invoked = DateTimeOffset.UtcNow;
        var result = await harness.Emulator.InvokeAsync(payload);

        Assert.True(invoked < end - TimeSpan.FromSeconds(1), $"the invocation started only {(end - invoked).TotalMilliseconds:F0} ms before the end");
        Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(900_000, "EXPends", "inject-delay", result.RequestId)), "the delay never started");
        Assert.False(result.TimedOut, "the delay outlived its fault until the function timed out");
        Assert.Equal(payload, result.Payload);
        var releasedAfterEnd = arrivals[result.RequestId] - end;
        output.WriteLine($"900000 ms delay, end {(end - invoked).TotalMilliseconds:F0} ms after the invoke: released {releasedAfterEnd.TotalMilliseconds:F0} ms after the end; invocation took {result.Duration.TotalMilliseconds:F0} ms");
        Assert.True(releasedAfterEnd >= -Slack && releasedAfterEnd < Lateness, $"released {releasedAfterEnd.TotalMilliseconds:F0} ms after the fault's end time");
        Assert.True(await harness.ExtensionLoggedAsync("the fault ended at its end time"), "no log line says why the delay was cut short");
    }

    [Fact(Timeout = 60_000)]
    public async Task DelayWhoseObjectIsDeleted_IsReleasedWithinAboutOneHotInterval()
    {
        using var faults = new FaultObjectWriter();
        var path = faults.WriteActive("EXPstop", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = LongestDelay,
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults) with { Timeout = TimeSpan.FromSeconds(40) });
        var arrivals = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var runtime = EchoRuntime.Start(harness, beforeAnswer: next => Record(arrivals, next));
        var payload = Json.Event(("n", 1));

        var invocation = harness.Emulator.InvokeAsync(payload);
        Assert.True(await harness.ExtensionLoggedAsync($"adding {LongestDelay} milliseconds", TimeSpan.FromSeconds(15)), "the delay never started");
        var deleted = DateTimeOffset.UtcNow;
        File.Delete(path);
        var result = await invocation;

        Assert.False(result.TimedOut, "the delay outlived its deleted object until the function timed out");
        Assert.Equal(payload, result.Payload);
        var releasedAfterDelete = arrivals[result.RequestId] - deleted;
        output.WriteLine($"900000 ms delay, object deleted: released {releasedAfterDelete.TotalMilliseconds:F0} ms after the delete (hot interval {HotInterval.TotalMilliseconds:F0} ms)");
        Assert.True(releasedAfterDelete < HotInterval + Lateness, $"released {releasedAfterDelete.TotalMilliseconds:F0} ms after the object was deleted");
        Assert.True(await harness.ExtensionLoggedAsync("no longer lists the fault"), "no log line says why the delay was cut short");
    }

    [Fact(Timeout = 60_000)]
    public async Task ErrorFaultEndingWhileTheHandlerRuns_LetsTheHandlersOwnResultReachTheCaller()
    {
        using var faults = new FaultObjectWriter();
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var parameters = new Dictionary<string, object> { ["preventExecution"] = false };
        faults.Write("EXPlate", "inject-error", FaultObjectWriter.InvocationError, start, start.AddMinutes(30), parameters);
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        var handlerRan = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var end = DateTimeOffset.MaxValue;

        // The handler takes until the fault has ended, then answers with the event's own bytes.
        await using var runtime = EchoRuntime.Start(harness, beforeAnswer: async next =>
        {
            handlerRan[next.RequestId] = DateTimeOffset.UtcNow;
            await Task.Delay(end + TimeSpan.FromMilliseconds(300) - DateTimeOffset.UtcNow);
        });
        var payload = Json.Event(("action", "echo"));

        // The end moves to 10 s away once the environment is up (a slow start cannot eat the margin), and the
        // invocation is sent at once: the pending override follows its fault by key, so a poll while the handler runs
        // that reads the new end counts too. (It was 6 s after a fixed wait for the next poll, tight under CI-like load.)
        await harness.Emulator.InitializeAsync();
        end = DateTimeOffset.UtcNow.AddSeconds(10);
        faults.Write("EXPlate", "inject-error", FaultObjectWriter.InvocationError, start, end, parameters);
        var result = await harness.Emulator.InvokeAsync(payload);

        output.WriteLine($"handler started {(end - handlerRan[result.RequestId]).TotalMilliseconds:F0} ms before the fault's end; caller got: {System.Text.Encoding.UTF8.GetString(result.Payload)}");
        Assert.True(handlerRan[result.RequestId] < end, "the handler started after the fault ended: the test proves nothing");
        Assert.Null(result.FunctionError);
        Assert.Equal(payload, result.Payload);
        Assert.True(await harness.ExtensionLoggedAsync("the fault ended before the function's result arrived"), "no log line says the override was dropped");
        Assert.DoesNotContain(ExtensionOutput.Lines(harness), l => l.Contains("injecting an invocation error", StringComparison.Ordinal));
    }

    private static Task Record(ConcurrentDictionary<string, DateTimeOffset> arrivals, NextInvocation next)
    {
        arrivals[next.RequestId] = DateTimeOffset.UtcNow;
        return Task.CompletedTask;
    }
}
