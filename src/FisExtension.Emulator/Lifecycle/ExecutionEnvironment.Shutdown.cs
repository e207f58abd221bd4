using System.Globalization;
using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Processes;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Lifecycle;

internal sealed partial class ExecutionEnvironment
{
    private Task<ShutdownResult>? _shutdown;

    /// <summary>SHUTDOWN to the extensions, SIGTERM to the runtime, then SIGKILL to whatever is left when the budget ends.
    /// Idempotent: later calls get the first call's result.</summary>
    public Task<ShutdownResult> ShutdownAsync(string reason, TimeSpan budget)
    {
        lock (_gate)
        {
            _shutdown ??= ShutdownCoreAsync(reason, budget);
            return _shutdown;
        }
    }

    private async Task<ShutdownResult> ShutdownCoreAsync(string reason, TimeSpan budget)
    {
        _state = EnvironmentState.ShuttingDown;
        _shutdownStarted.TrySetResult();
        ThawForShutdown();
        var start = Now();
        var shutdownEvent = JsonBodies.ShutdownEvent(reason, (Time.GetUtcNow() + budget).ToUnixTimeMilliseconds());
        foreach (var session in _sessions.Values.Where(s => s.SubscribedTo(EventTypes.Shutdown))) session.Deliver(new ExtensionEvent(shutdownEvent, null));

        var runtimeKilled = await StopRuntimeAsync(budget < LambdaLimits.RuntimeShutdownBudget ? budget : LambdaLimits.RuntimeShutdownBudget).ConfigureAwait(false);
        List<FunctionProcess> extensions;
        lock (_gate) extensions = [.. _extensionProcesses];
        var exits = await Task.WhenAll(extensions.Select(p => StopExtensionAsync(p, start, budget))).ConfigureAwait(false);

        foreach (var group in ProcessGroups()) Signals.SendToGroup(group, Signals.SigKill);
        await LeaveNamespacesAsync().ConfigureAwait(false);
        _runtimeQueue.Writer.TryComplete();
        foreach (var session in _sessions.Values) session.Abandon();
        await _lifetime.CancelAsync().ConfigureAwait(false);
        _state = EnvironmentState.Stopped;

        var result = new ShutdownResult { Reason = reason, Duration = Time.GetElapsedTime(start), Extensions = exits, RuntimeKilled = runtimeKilled };
        log.Write($"[{LogSources.Emulator}] SHUTDOWN reason: {reason}" + string.Concat(exits.Select(Describe)));
        return result;
    }

    private async Task<bool> StopRuntimeAsync(TimeSpan budget)
    {
        FunctionProcess? runtime;
        lock (_gate) runtime = _runtime;
        if (runtime is null || runtime.HasExited) return false;
        runtime.Signal(Signals.SigTerm);
        // Exited also waits for the process's last output to be logged; on a loaded machine that can outlast the
        // budget although the process itself exited within it, and only the process is on Lambda's clock.
        if (await ExitsWithinAsync(runtime, budget).ConfigureAwait(false) || runtime.ProcessHasExited) return false;
        runtime.KillGroup();
        return true;
    }

    // An extension that cannot receive SHUTDOWN (never registered, or not subscribed) has nothing to wait for: it is
    // killed at once rather than after the whole budget.
    private async Task<ExtensionShutdown> StopExtensionAsync(FunctionProcess process, long start, TimeSpan budget)
    {
        var canReceiveShutdown = _sessions.Values.Any(s => s.Info.Name == process.Name && s.SubscribedTo(EventTypes.Shutdown));
        var exited = process.HasExited || (canReceiveShutdown && await ExitsWithinAsync(process, budget - Time.GetElapsedTime(start)).ConfigureAwait(false))
            || (canReceiveShutdown && process.ProcessHasExited);
        var checkedAt = Time.GetTimestamp();
        if (!exited) process.KillGroup();
        int? exitCode = exited ? await process.Exited.ConfigureAwait(false) : null;
        // The time of the exit itself: an extension may have exited while the runtime was being stopped, before its
        // own turn here (a loaded run reported such an extension as exiting after 0 ms).
        var exitedAt = exited ? process.ExitTimestamp ?? checkedAt : checkedAt;
        var exitedAfter = exitedAt > start ? Time.GetElapsedTime(start, exitedAt) : TimeSpan.Zero;
        return new ExtensionShutdown(process.Name, exitedAfter, Killed: !exited, exitCode);
    }

    private async Task<bool> ExitsWithinAsync(FunctionProcess process, TimeSpan budget)
    {
        if (budget <= TimeSpan.Zero) return process.HasExited;
        using var cancellation = new CancellationTokenSource();
        var delay = Task.Delay(budget, Time, cancellation.Token);
        var first = await Task.WhenAny(process.Exited, delay).ConfigureAwait(false);
        await cancellation.CancelAsync().ConfigureAwait(false);
        return first == process.Exited;
    }

    private static string Describe(ExtensionShutdown exit) => exit.Killed
        ? $"; {exit.Name} killed after {exit.ExitedAfter.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"; {exit.Name} exited after {exit.ExitedAfter.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
}
