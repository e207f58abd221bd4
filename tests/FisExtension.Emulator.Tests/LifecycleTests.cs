using System.Diagnostics;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Timeouts, crashes, resets, freezing and shutdown, with real processes.</summary>
public sealed class LifecycleTests
{
    [Fact(Timeout = 60000)]
    public async Task Timeout_AnswersTaskTimedOutAndTheNextInvokeReinitialises()
    {
        using var scratch = new TempDirectory();
        var marker = scratch.File("marker");
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_MARKER_FILE"] = marker };
        // 10 s: the echo after the reset has the same deadline, and a loaded CI machine (four test assemblies at once on
        // two cores) took past 1 s to serve it.
        var timeout = TimeSpan.FromSeconds(10);
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(environment: environment, timeout: timeout));

        var timedOut = await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":60000}"""));
        var next = await emulator.InvokeAsync(Json.Bytes("""{"action":"echo"}"""));

        Assert.True(timedOut.TimedOut);
        Assert.Equal("Unhandled", timedOut.FunctionError);
        Assert.Equal("Sandbox.Timedout", Json.Property(timedOut.Payload, "errorType"));
        Assert.EndsWith("Task timed out after 10.00 seconds", Json.Property(timedOut.Payload, "errorMessage"), StringComparison.Ordinal);
        // Ended at the deadline: not before it, and far from the handler's 60 s (a loaded CI machine may answer late).
        Assert.InRange(timedOut.Duration, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(20));
        Assert.Contains("Status: timeout", timedOut.ReportLine, StringComparison.Ordinal);
        Assert.True(next.FunctionError is null,
            $"the invocation after the reset failed: {next.ErrorType} {System.Text.Encoding.UTF8.GetString(next.Payload)}\n{string.Join("\n", emulator.Logs.TakeLast(20))}");
        Assert.True(next.ColdStart);
        Assert.Equal(["init", "init"], File.ReadAllLines(marker));
    }

    [Fact(Timeout = 30000)]
    public async Task Timeout_DeliversShutdownWithReasonTimeoutToExtensions()
    {
        using var opt = new TempDirectory();
        var events = opt.File("events");
        opt.AddExtension("watcher", ExtensionScripts.Standard(eventsFile: events));
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, timeout: TimeSpan.FromSeconds(1)));

        await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":5000}"""));

        Assert.True(await Eventually.TrueAsync(() => File.Exists(events) && File.ReadAllText(events).Contains("SHUTDOWN", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
        var shutdown = Json.Parse(Json.Bytes(File.ReadAllLines(events).Last()));
        Assert.Equal("timeout", shutdown.GetProperty("shutdownReason").GetString());
    }

    [Fact(Timeout = 30000)]
    public async Task RuntimeCrash_AnswersRuntimeExitErrorAndTheNextInvokeReinitialises()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());

        var crashed = await emulator.InvokeAsync(Json.Bytes("""{"action":"exit","exitCode":7}"""));
        var next = await emulator.InvokeAsync(Json.Bytes("""{"action":"echo"}"""));

        Assert.Equal("Unhandled", crashed.FunctionError);
        Assert.Equal("Runtime.ExitError", crashed.ErrorType);
        Assert.Contains("exit status 7", Json.Property(crashed.Payload, "errorMessage"), StringComparison.Ordinal);
        Assert.Null(next.FunctionError);
        Assert.True(next.ColdStart);
    }

    [Fact(Timeout = 30000)]
    public async Task RuntimeInitError_FailsInitWithItsErrorType()
    {
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_INIT_ERROR"] = "Runtime.ImportModuleError" };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(environment: environment));

        var result = await emulator.InvokeAsync(Json.Bytes("{}"));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Runtime.ImportModuleError", result.ErrorType);
        Assert.Equal("init failed on purpose", Json.Property(result.Payload, "errorMessage"));
    }

    [Fact(Timeout = 30000)]
    public async Task MissingRuntimeExecutable_FailsInitWithRuntimeExitError()
    {
        var function = Emulators.Shell() with { RuntimeCommand = ["/nonexistent/bootstrap"] };
        await using var emulator = await Emulators.StartAsync(function);

        var init = await emulator.InitializeAsync();

        Assert.Equal("Runtime.ExitError", init.ErrorType);
        Assert.Contains("exit status 127", init.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task Freeze_StopsTheFunctionsTimersBetweenInvocations()
    {
        using var scratch = new TempDirectory();
        var ticks = scratch.File("ticks");
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_TICK_FILE"] = ticks };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(environment: environment, timeout: TimeSpan.FromSeconds(10)));

        // The first invocation runs long enough for the 50 ms ticker to tick, even on a loaded machine.
        await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":1500}"""));
        var frozenCount = await TickFile.FrozenAsync(ticks, within: TimeSpan.FromSeconds(10));
        await Task.Delay(1000);
        var afterFreeze = TickFile.Count(ticks);
        // Thawed only while the invocation runs (it is frozen again after it): long enough for the ticker to tick. An
        // echo can finish within one 50 ms tick, and then no tick lands before the next freeze.
        await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":1500}"""));
        var thawed = TickFile.Count(ticks) > afterFreeze;

        Assert.True(frozenCount is not null, "the runtime's processes were not all stopped after its first invocation: the environment was not frozen");
        Assert.True(frozenCount > 0, "the runtime's ticker never ticked while its first invocation ran");
        Assert.Equal(frozenCount, afterFreeze);
        Assert.True(thawed, "no tick while the second invocation ran: the environment was not thawed");
    }

    [Fact(Timeout = 30000)]
    public async Task ManagedInstances_AreNeverFrozen_TheirTimersRunBetweenInvocations()
    {
        using var scratch = new TempDirectory();
        var ticks = scratch.File("ticks");
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_TICK_FILE"] = ticks };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(environment: environment, timeout: TimeSpan.FromSeconds(10)), Emulators.Options() with { MaxConcurrency = 2 });

        await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":1500}"""));
        var afterInvoke = TickFile.Count(ticks);
        var ticking = await Eventually.TrueAsync(() => TickFile.Count(ticks) > afterInvoke + 2, TimeSpan.FromSeconds(10));

        Assert.True(afterInvoke > 0, "the runtime's ticker never ticked while its invocation ran");
        Assert.True(ticking, "the runtime's ticker did not tick between invocations");
        Assert.False(TickFile.IsFrozen(ticks), "the runtime's processes are stopped");
    }

    [Fact(Timeout = 30000)]
    public async Task Freeze_WaitsForTheRuntimesNextNextAndThenStopsTheExtensionsToo()
    {
        using var opt = new TempDirectory();
        var ticks = opt.File("ticks");
        var ticking = ExtensionScripts.Standard().Replace("register '",
            $"( while true; do date +%s%3N >> '{ticks}'; sleep 0.05; done ) &\necho $! > '{ticks}.pid'\nregister '", StringComparison.Ordinal);
        opt.AddExtension("ticker", ticking);
        await using var emulator = await Emulators.StartAsync(Emulators.External(opt));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        (await runtime.RespondAsync(next.RequestId, [])).Dispose();
        await invoke;
        var answered = TickFile.Count(ticks);
        var runningWhileTheRuntimeHasNotAskedForMore = await Eventually.TrueAsync(() => TickFile.Count(ticks) > answered + 2, TimeSpan.FromSeconds(10))
            && !TickFile.IsFrozen(ticks);
        var waiting = runtime.NextAsync();
        var frozenCount = await TickFile.FrozenAsync(ticks, within: TimeSpan.FromSeconds(10));
        await Task.Delay(1000);

        Assert.True(runningWhileTheRuntimeHasNotAskedForMore, "the extension's ticker stopped before the runtime asked for its next event");
        Assert.True(frozenCount is not null, "the extension was not stopped once the runtime asked for its next event");
        Assert.Equal(frozenCount, TickFile.Count(ticks));
        Assert.False(waiting.IsCompleted);
    }

    [Fact(Timeout = 30000)]
    public async Task FreezeOff_LetsTheFunctionsTimersRunBetweenInvocations()
    {
        using var scratch = new TempDirectory();
        var ticks = scratch.File("ticks");
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_TICK_FILE"] = ticks };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(environment: environment), Emulators.Options() with { Freeze = false });

        await emulator.InvokeAsync(Json.Bytes("{}"));
        var answered = TickFile.Count(ticks);
        var ticking = await Eventually.TrueAsync(() => TickFile.Count(ticks) > answered + 2, TimeSpan.FromSeconds(10));

        Assert.True(ticking, "the runtime's ticker did not tick after its invocation");
        Assert.False(TickFile.IsFrozen(ticks), "the runtime's processes are stopped");
    }

    [Fact(Timeout = 30000)]
    public async Task Shutdown_DeliversShutdownAndReportsEachExtensionsExitTime()
    {
        using var opt = new TempDirectory();
        var events = opt.File("events");
        opt.AddExtension("quick", ExtensionScripts.Standard(eventsFile: events));
        opt.AddExtension("slow", ExtensionScripts.Standard(shutdownDelayMs: 500));
        // A budget no stall reaches: with Lambda's 2 s, a loaded machine's slow extension could be killed (CI, 2026-12-02).
        var budget = TimeSpan.FromSeconds(10);
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt), Emulators.Options() with { ShutdownBudget = budget });
        await emulator.InvokeAsync(Json.Bytes("{}"));

        var before = DateTimeOffset.UtcNow;
        var result = await emulator.ShutdownAsync();
        var after = DateTimeOffset.UtcNow;

        var shutdown = Json.Parse(Json.Bytes(File.ReadAllLines(events).Last()));
        Assert.Equal("SHUTDOWN", shutdown.GetProperty("eventType").GetString());
        Assert.Equal("spindown", shutdown.GetProperty("shutdownReason").GetString());
        Assert.InRange(shutdown.GetProperty("deadlineMs").GetInt64(), (before + budget).ToUnixTimeMilliseconds(), (after + budget).ToUnixTimeMilliseconds());
        var quick = result.Extensions.Single(e => e.Name == "quick");
        var slow = result.Extensions.Single(e => e.Name == "slow");
        Assert.False(quick.Killed);
        Assert.False(slow.Killed);
        Assert.Equal(0, slow.ExitCode);
        Assert.InRange(slow.ExitedAfter, TimeSpan.FromMilliseconds(450), budget);
        Assert.True(quick.ExitedAfter < slow.ExitedAfter);
        Assert.Contains(emulator.Logs, l => l.StartsWith("[emulator] SHUTDOWN reason: spindown", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30000)]
    public async Task Shutdown_KillsAnExtensionThatIgnoresShutdownWhenTheBudgetEnds()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("stubborn", ExtensionScripts.IgnoresShutdown());
        // Above the product's 2 s default: the lower bound then also shows that this budget is the one applied.
        var budget = TimeSpan.FromSeconds(3);
        var options = Emulators.Options() with { ShutdownBudget = budget };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt), options);
        await emulator.InitializeAsync();

        var result = await emulator.ShutdownAsync();

        var stubborn = Assert.Single(result.Extensions);
        Assert.True(stubborn.Killed);
        // Not killed before the budget ended; the upper bounds only rule out "never killed": on a loaded CI machine
        // the kill and the rest of shutdown can come seconds late.
        var late = budget + TimeSpan.FromSeconds(10);
        Assert.InRange(stubborn.ExitedAfter, budget - TimeSpan.FromMilliseconds(50), late);
        Assert.InRange(result.Duration, budget - TimeSpan.FromMilliseconds(50), late);
    }

    [Fact(Timeout = 30000)]
    public async Task Shutdown_KillsARuntimeThatIgnoresSigterm()
    {
        using var scratch = new TempDirectory();
        // An ignored signal stays ignored across exec, so the whole runtime ignores SIGTERM.
        var wrapper = scratch.AddExecutable("ignore-term", "#!/usr/bin/env bash\ntrap '' TERM\nexec \"$@\"\n");
        var function = Emulators.Shell(environment: new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper });
        // The runtime's share of shutdown is fixed (300 ms), whatever the budget: a long one shows it was not waited out.
        var budget = TimeSpan.FromSeconds(20);
        await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { ShutdownBudget = budget });
        await emulator.InvokeAsync(Json.Bytes("{}"));

        var result = await emulator.ShutdownAsync();

        Assert.True(result.RuntimeKilled);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(250), budget / 2);
    }

    [Fact(Timeout = 30000)]
    public async Task Shutdown_WhileFrozen_StillReachesTheExtensions()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("sleeper", ExtensionScripts.Standard());
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt));
        await emulator.InvokeAsync(Json.Bytes("{}"));

        var result = await emulator.ShutdownAsync();

        Assert.False(Assert.Single(result.Extensions).Killed);
        Assert.False(result.RuntimeKilled);
    }

    [Fact(Timeout = 30000)]
    public async Task Shutdown_ARuntimeThatExitsWithinItsBudget_IsNotKilled_WhileAChildStillHoldsItsOutput()
    {
        // The runtime process leaves a child holding its output open when SIGTERM comes, and exits at once: the output
        // stays open past the runtime's 300 ms, but the process exited within them, which is what Lambda times.
        using var opt = new TempDirectory();
        opt.AddExtension("sleeper", ExtensionScripts.Standard());
        var wrapper = opt.AddExecutable("wrap", "#!/bin/bash\ntrap 'sleep 5 & exit 0' TERM\n\"$@\" &\nwait\n");
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper }));
        await emulator.InvokeAsync(Json.Bytes("{}"));

        var result = await emulator.ShutdownAsync();

        Assert.False(result.RuntimeKilled);
        Assert.False(Assert.Single(result.Extensions).Killed);
    }

    [Fact(Timeout = 30000)]
    public async Task Shutdown_AnExtensionThatExitsWhileTheRuntimeIsStopped_IsReportedWithItsOwnExitTime()
    {
        // The runtime ignores SIGTERM, so stopping it takes its whole 300 ms; the extension exits 100 ms after SHUTDOWN,
        // before the emulator turns to it.
        using var scratch = new TempDirectory();
        using var opt = new TempDirectory();
        opt.AddExtension("quick", ExtensionScripts.Standard(shutdownDelayMs: 100));
        var wrapper = scratch.AddExecutable("ignore-term", "#!/usr/bin/env bash\ntrap '' TERM\nexec \"$@\"\n");
        var options = Emulators.Options();
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper }), options);
        await emulator.InvokeAsync(Json.Bytes("{}"));

        var result = await emulator.ShutdownAsync();

        var quick = Assert.Single(result.Extensions);
        Assert.True(result.RuntimeKilled);
        Assert.False(quick.Killed);
        // Its own exit time, not 0 ms; a loaded CI machine may run the 100 ms sleep late, within the budget.
        Assert.InRange(quick.ExitedAfter, TimeSpan.FromMilliseconds(80), options.ShutdownBudget);
    }

    [Fact(Timeout = 30000)]
    public async Task ExtensionsDuration_MeasuresPostRuntimeWorkAndDelaysTheFreeze()
    {
        using var opt = new TempDirectory();
        var start = opt.File("start");
        var done = opt.File("done");
        opt.AddExtension("busy", ExtensionScripts.WorksAfterTheResponse(start, workMs: 400, done));
        // A generous timeout: a loaded machine must not turn the extension's work into a timeout.
        await using var emulator = await Emulators.StartAsync(Emulators.External(opt, timeout: TimeSpan.FromSeconds(20)));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        var handler = Stopwatch.StartNew();
        await Task.Delay(300); // the handler's time, which Extensions Duration must leave out
        var handlerTime = handler.Elapsed; // measured: a timer may wake a few milliseconds before the stopwatch says 300 ms
        var sinceTheResponse = Stopwatch.StartNew();
        (await runtime.RespondAsync(next.RequestId, [])).Dispose();
        var runtimeWaiting = runtime.NextAsync(); // the runtime's side is over: only the extension holds the freeze off
        await File.WriteAllTextAsync(start, "go"); // the extension's work starts only now, after the runtime's result
        var result = await invoke;
        var responseToEnd = sinceTheResponse.Elapsed;

        Assert.Equal(["done"], File.ReadAllLines(done)); // it finished its work: it was not frozen at the runtime's /next
        Assert.False(runtimeWaiting.IsCompleted);
        Assert.InRange(result.ExtensionsDuration, TimeSpan.FromMilliseconds(400), responseToEnd);
        Assert.True(result.Duration >= handlerTime, $"Duration {result.Duration} covers the handler's {handlerTime}");
        Assert.Matches(@"\tExtensions Duration: \d+\.\d{2} ms", result.ReportLine);
    }

    [Fact(Timeout = 30000)]
    public async Task ReportLine_HasLambdasShapeWithInitDurationOnTheFirstInvokeOnly()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());

        var first = await emulator.InvokeAsync(Json.Bytes("{}"));
        var second = await emulator.InvokeAsync(Json.Bytes("{}"));

        const string shape = @"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: [1-9]\d* MB";
        Assert.Matches(shape + @"\tInit Duration: \d+\.\d{2} ms$", first.ReportLine);
        Assert.Matches(shape + "$", second.ReportLine);
        var logs = emulator.Logs.ToList();
        var start = logs.IndexOf($"START RequestId: {second.RequestId} Version: $LATEST");
        var end = logs.IndexOf($"END RequestId: {second.RequestId}");
        Assert.True(start >= 0 && end > start && logs.IndexOf(second.ReportLine!) == end + 1);
    }

    [Fact(Timeout = 30000)]
    public async Task ProcessOutput_IsCapturedLineByLineWithItsSource()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("talker", ExtensionScripts.Standard());
        var lines = new List<string>();
        var options = Emulators.Options(line => { lock (lines) lines.Add(line); });
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt), options);

        await emulator.InvokeAsync(Json.Bytes("{}"));

        Assert.True(await Emulators.LoggedAsync(emulator, l => l == "[runtime] shell runtime ready, handler function.handler"));
        Assert.True(await Emulators.LoggedAsync(emulator, l => l.StartsWith("[extension:talker] event {\"eventType\":\"INVOKE\"", StringComparison.Ordinal)));
        // The sink's copy first, then the log: the log holds its lock while it calls the sink.
        List<string> sunk;
        lock (lines) sunk = [.. lines];
        Assert.Equal(emulator.Logs.Take(sunk.Count), sunk);
    }

    [Fact(Timeout = 60000)]
    public async Task Dispose_DuringAnInitWaitingForItsRuntime_EndsPromptlyAndKillsTheExtensions()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("waiting", ExtensionScripts.Standard());
        // Half of it is above the shutdown budget: only waiting out the init timeout crosses that bound, however loaded the CI machine.
        var options = Emulators.Options() with { InitTimeout = TimeSpan.FromSeconds(30) };
        var emulator = await Emulators.StartAsync(Emulators.External(opt), options);
        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        Assert.True(await Eventually.TrueAsync(() => emulator.RegisteredExtensions.Count == 1, TimeSpan.FromSeconds(15)), "the extension never registered");
        var started = DateTime.UtcNow;

        await emulator.DisposeAsync();

        // It did not wait out the init timeout.
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, options.InitTimeout / 2);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoke);
        Assert.Contains(emulator.Logs, l => l.StartsWith("[emulator] SHUTDOWN reason: failure; waiting exited", StringComparison.Ordinal));
    }
}
