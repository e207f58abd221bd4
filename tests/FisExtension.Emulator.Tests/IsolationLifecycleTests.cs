using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The lifecycle in namespaces: /opt mounted for a single function (--opt), freeze, SHUTDOWN, and a timeout's
/// reset giving the next environment namespaces of its own while the old ones go away.</summary>
public sealed class IsolationLifecycleTests
{
    [Fact(Timeout = 60_000)]
    public async Task SingleFunction_OptIsMounted_FreezeStopsTimers_ShutdownReachesTheExtension_AndTheNamespaceGoes()
    {
        using var opt = new TempDirectory();
        using var scratch = new TempDirectory();
        var events = scratch.File("events");
        var ticks = scratch.File("ticks");
        var probe = scratch.File("probe");
        opt.AddExtension("watcher", ExtensionScripts.Standard(eventsFile: events));
        File.WriteAllText(opt.File("who"), "single\n");
        opt.AddExecutable("wrap", $"#!/bin/sh\n{{ cat /opt/who; readlink /proc/self/ns/net; }} > '{probe}'\nexec \"$@\"\n");
        var function = Emulators.Shell(opt, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/wrap",
            ["SHELL_RUNTIME_TICK_FILE"] = ticks,
        }, TimeSpan.FromSeconds(10));
        await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { Isolation = IsolationMode.Namespaces });

        var first = await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":1500}"""));
        var frozenCount = await TickFile.FrozenAsync(ticks, within: TimeSpan.FromSeconds(10));
        await Task.Delay(1000);
        var afterFreeze = TickFile.Count(ticks);
        // Thawed only while the invocation runs (it is frozen again after it): long enough for the ticker to tick. An
        // echo can finish within one 50 ms tick, and then no tick lands before the next freeze (CI caught exactly that).
        await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":1500}"""));
        var thawed = TickFile.Count(ticks) > afterFreeze;
        var beforeShutdown = NetworkNamespaces.Now();
        var shutdown = await emulator.ShutdownAsync();

        Assert.Null(first.FunctionError);
        var seen = File.ReadAllLines(probe);
        Assert.Equal("single", seen[0]);
        Assert.True(frozenCount is not null, "the runtime's processes were not all stopped after its first invocation: the environment was not frozen");
        Assert.True(frozenCount > 0, "the runtime's ticker never ticked while its first invocation ran");
        Assert.Equal(frozenCount, afterFreeze);
        Assert.True(thawed, "no tick while the second invocation ran: the environment was not thawed");
        Assert.False(Assert.Single(shutdown.Extensions).Killed);
        Assert.Contains("\"shutdownReason\":\"spindown\"", File.ReadAllText(events), StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => !NetworkNamespaces.Live(startedBefore: beforeShutdown).Contains(seen[1]), TimeSpan.FromSeconds(15)),
            $"a process still holds the environment's network namespace {seen[1]}");
    }

    [Fact(Timeout = 120_000)]
    public async Task Timeout_ResetsIntoNewNamespaces_AndTheOldOnesGo()
    {
        using var opt = new TempDirectory();
        using var scratch = new TempDirectory();
        var probe = scratch.File("probe");
        opt.AddExecutable("wrap", $"#!/bin/sh\nreadlink /proc/self/ns/net >> '{probe}'\nexec \"$@\"\n");
        var function = Emulators.Shell(opt, new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/wrap" }, TimeSpan.FromSeconds(10));
        await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { Isolation = IsolationMode.Namespaces });

        // The echo after the reset has the same 10 s deadline: 1 s was within reach of a loaded CI machine's stalls, 3 s close.
        var timingOut = emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":30000}"""));
        Assert.True(await Eventually.TrueAsync(() => File.Exists(probe) && File.ReadAllLines(probe).Length == 1, TimeSpan.FromSeconds(10)), "the wrapper never ran");
        var beforeReset = NetworkNamespaces.Now(); // while the environment runs, its namespace alive
        var timedOutNamespace = File.ReadAllLines(probe)[0];
        var timedOut = await timingOut;
        // The reset starts with the timeout: the old namespaces go without waiting for another invocation.
        var oldGone = await Eventually.TrueAsync(() => !NetworkNamespaces.Live(startedBefore: beforeReset).Contains(timedOutNamespace), TimeSpan.FromSeconds(10));
        var recovered = await emulator.InvokeAsync(Json.Bytes("""{"n":2}"""));

        Assert.True(timedOut.TimedOut);
        Assert.True(oldGone, $"a process still holds the timed-out environment's network namespace {timedOutNamespace}");
        Assert.True(recovered.ColdStart);
        Assert.Equal("""{"n":2}""", System.Text.Encoding.UTF8.GetString(recovered.Payload));
        var namespaces = File.ReadAllLines(probe);
        Assert.Equal(2, namespaces.Length);
        // A new namespace, made after the old one went, may carry its freed number (CI saw it): that the old one had gone
        // before the second environment started is what shows the new one is not the old.
        Assert.NotEqual(NetworkNamespaces.Of("self"), namespaces[1]);
    }
}
