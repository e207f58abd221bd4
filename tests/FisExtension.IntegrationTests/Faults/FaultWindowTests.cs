using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// Start and end times, enforced on the clock: conflict resolution between an error and an HTTP response, and a
/// fault ending between two polls. The test plays the runtime through the proxy.
/// </summary>
public sealed class FaultWindowTests
{
    [Fact(Timeout = 90_000)]
    public async Task ConflictingFaults_TheEarliestStartApplies_ThenTheLaterTakesOverUntilItsOwnEnd()
    {
        using var faults = new FaultObjectWriter();
        void WriteBoth(DateTimeOffset errorStart, DateTimeOffset errorEnd, DateTimeOffset httpStart, DateTimeOffset httpEnd)
        {
            faults.Write("EXPconflict", "inject-error", FaultObjectWriter.InvocationError, errorStart, errorEnd, new Dictionary<string, object>());
            faults.Write("EXPconflict", "inject-http", FaultObjectWriter.HttpIntegrationResponse, httpStart, httpEnd, new Dictionary<string, object>
            {
                ["statusCode"] = "503",
            });
        }

        // Pending at init, starting before the next slow poll, which keeps the extension on the hot cadence; the schedule
        // starts once the environment is up, so a slow start cannot eat its margins.
        var pending = DateTimeOffset.UtcNow.AddSeconds(30);
        WriteBoth(pending, pending.AddMinutes(10), pending.AddSeconds(1), pending.AddMinutes(10));
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        await using var runtime = EchoRuntime.Start(harness);
        var payload = Json.Event(("action", "echo"));
        await harness.Emulator.InitializeAsync();
        var t0 = DateTimeOffset.UtcNow;
        var (errorEnd, httpEnd) = (t0.AddSeconds(18), t0.AddSeconds(32));
        WriteBoth(t0.AddSeconds(8), errorEnd, t0.AddSeconds(9), httpEnd);

        // Before the faults start, until a poll has read the new schedule; then each invocation is sent at least 7 s
        // before the next boundary, as it may reach the extension seconds late under CI-like load (1 s margins did not do).
        await harness.InvokeUntilTheExtensionLogsAsync(
            line => line.Contains($"until {FaultObjectWriter.AsLogged(errorEnd)})", StringComparison.Ordinal)
                && line.Contains($"until {FaultObjectWriter.AsLogged(httpEnd)})", StringComparison.Ordinal),
            "the new schedule",
            payload);
        var bothActive = await InvokeAtAsync(harness, t0.AddSeconds(11), payload);
        var errorEnded = await InvokeAtAsync(harness, t0.AddSeconds(22), payload);
        var bothEnded = await InvokeAtAsync(harness, t0.AddSeconds(34), payload);

        Assert.Equal("FisInjectedError", bothActive.ErrorType);
        Assert.Contains("action inject-error", Json.String(bothActive.Payload, "errorMessage"), StringComparison.Ordinal);
        Assert.Null(errorEnded.FunctionError);
        Assert.Equal(503, Json.Parse(errorEnded.Payload).GetProperty("statusCode").GetInt32());
        Assert.Null(bothEnded.FunctionError);
        Assert.Equal(payload, bothEnded.Payload);
    }

    [Fact(Timeout = 60_000)]
    public async Task FaultPastItsEndTime_NoLongerApplies_WithoutAnotherPoll()
    {
        using var faults = new FaultObjectWriter();
        var t0 = DateTimeOffset.UtcNow;
        // The window leaves 15 s for the harness to start and the first invocation to end inside it (8 s was tight
        // under CI-like load), and the second invocation comes well before the next hot poll.
        faults.Write("EXPexpiry", "inject-error", FaultObjectWriter.InvocationError, t0.AddSeconds(-1), t0.AddSeconds(15), new Dictionary<string, object>());

        // A hot interval of 30 s: after the init poll, none is due before the second invocation.
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults, ("AWS_FIS_HOT_POLL_INTERVAL_SECONDS", "30")));
        await using var runtime = EchoRuntime.Start(harness);
        var payload = Json.Event(("action", "echo"));

        var duringSent = DateTimeOffset.UtcNow;
        var during = await harness.Emulator.InvokeAsync(payload);
        var after = await InvokeAtAsync(harness, t0.AddSeconds(16), payload);

        Assert.True(DateTimeOffset.UtcNow < t0.AddSeconds(30), "the test ran past the next hot poll");
        Assert.True(duringSent < t0.AddSeconds(12), $"the first invocation was sent {(duringSent - t0).TotalSeconds:F1} s in, too near the fault's end to prove anything");
        Assert.Equal("FisInjectedError", during.ErrorType);
        Assert.Null(after.FunctionError);
        Assert.Equal(payload, after.Payload);
        // Its whole log, read once it shut down (a line is captured a moment after it is written): one poll, at init.
        await harness.ShutdownAndAwaitTheWholeLogAsync();
        Assert.Equal(1, ExtensionOutput.PollCount(harness));
        Assert.True(File.Exists(Path.Combine(faults.FunctionDirectory, "EXPexpiry-inject-error.json")), "the object is still in the store");
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdatedFaultObject_AppliesItsNewParameters_FromTheNextPoll()
    {
        using var faults = new FaultObjectWriter();
        var now = DateTimeOffset.UtcNow;
        faults.Write("EXPupdate", "inject-http", FaultObjectWriter.HttpIntegrationResponse, now.AddMinutes(-1), now.AddMinutes(10), new Dictionary<string, object>
        {
            ["statusCode"] = "503",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        await using var runtime = EchoRuntime.Start(harness);

        var before = await harness.Emulator.InvokeAsync(Json.Event(("n", 1)));

        // Same size, same key: only the modification time tells the new version apart. Its end time, a minute later,
        // tells in the log which version a poll read: the invocations (answers discarded) go on until one has read it
        // (a fixed wait for the next poll was not enough under CI-like load).
        var newEnd = now.AddMinutes(11);
        faults.Write("EXPupdate", "inject-http", FaultObjectWriter.HttpIntegrationResponse, now.AddMinutes(-1), newEnd, new Dictionary<string, object>
        {
            ["statusCode"] = "429",
        });
        await harness.InvokeUntilTheExtensionLogsAsync($"EXPupdate/inject-http ({FaultObjectWriter.HttpIntegrationResponse}, active until {FaultObjectWriter.AsLogged(newEnd)})");
        var after = await harness.Emulator.InvokeAsync(Json.Event(("n", 2)));

        Assert.Equal(503, Json.Parse(before.Payload).GetProperty("statusCode").GetInt32());
        Assert.Equal(429, Json.Parse(after.Payload).GetProperty("statusCode").GetInt32());
    }

    [Fact(Timeout = 90_000)]
    public async Task StoreGone_KnownFaultsAreKeptForThreeHotIntervals_ThenDropped()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPgone", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>());
        // A hot interval of 8 s, so known faults are kept 24 s after the last successful poll, which came at most 8 s
        // before the store went. The invocation 8.5 s after it polls (a poll is due) and fails with faults kept, at
        // the latest 16.5 s after that success: 7.5 s of slack for it to reach the extension under CI-like load (a 4 s
        // interval left 3.5 s). The one 24.5 s after it fails at least 24.5 s after the success, and drops them.
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults, ("AWS_FIS_HOT_POLL_INTERVAL_SECONDS", "8")));
        await using var runtime = EchoRuntime.Start(harness);
        var payload = Json.Event(("action", "echo"));

        var withStore = await harness.Emulator.InvokeAsync(payload);
        var storeGone = DateTimeOffset.UtcNow;
        Directory.Delete(faults.Directory, recursive: true);
        var kept = await InvokeAtAsync(harness, storeGone.AddSeconds(8.5), payload);
        var dropped = await InvokeAtAsync(harness, storeGone.AddSeconds(24.5), payload);

        Assert.Equal("FisInjectedError", withStore.ErrorType);
        Assert.Equal("FisInjectedError", kept.ErrorType);
        Assert.Null(dropped.FunctionError);
        Assert.Equal(payload, dropped.Payload);
        Assert.True(await harness.ExtensionLoggedAsync("failed to retrieve active fault configurations: DirectoryNotFound"));
        Assert.True(await harness.ExtensionLoggedAsync("dropping the last known faults"));
    }

    private static async Task<Emulator.InvocationResult> InvokeAtAsync(ExtensionHarness harness, DateTimeOffset at, byte[] payload)
    {
        var wait = at - DateTimeOffset.UtcNow;
        Assert.True(wait > TimeSpan.Zero, $"the test fell {-wait.TotalMilliseconds:F0} ms behind its schedule");
        await Task.Delay(wait);
        return await harness.Emulator.InvokeAsync(payload);
    }
}
