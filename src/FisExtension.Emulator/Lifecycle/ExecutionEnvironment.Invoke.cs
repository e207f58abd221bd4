using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Processes;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Lifecycle;

internal sealed partial class ExecutionEnvironment
{
    private int _activeInvocations;
    private bool _frozen;

    /// <summary>One invoke phase: thaw, deliver INVOKE to the extensions and the event to the runtime, wait for the
    /// result (or the timeout, or a crash), wait for every extension to call next again, freeze.</summary>
    public async Task<InvocationOutcome> RunAsync(Invocation invocation)
    {
        Thaw();
        log.Write(PlatformLogLines.Start(invocation.RequestId, function.Version));
        _invocations[invocation.RequestId] = invocation;
        DeliverToExtensions(invocation);
        _runtimeQueue.Writer.TryWrite(invocation);

        using var deadlineCancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        var remaining = invocation.Deadline - Time.GetUtcNow();
        var deadline = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Time, deadlineCancellation.Token);
        string? resetReason = null;
        var timedOut = false;
        try
        {
            var first = await Task.WhenAny(invocation.Tail, deadline, _runtimeExited.Task, _shutdownStarted.Task).ConfigureAwait(false);
            if (first == deadline && !invocation.Tail.IsCompleted)
            {
                // Managed Instances fail only the invocation that timed out; the environment and the other
                // invocations in it carry on (Lambda's "Understanding the Managed Instances execution environment").
                timedOut = true;
                resetReason = options.MaxConcurrency > 1 ? null : EventTypes.ReasonTimeout;
                invocation.FailByPlatform(ErrorTypes.SandboxTimedOut,
                    $"RequestId: {invocation.RequestId} Error: {PlatformLogLines.TimedOutMessage(function.Timeout)}", Now());
            }
            else if (first != invocation.Tail && !invocation.Tail.IsCompleted)
            {
                resetReason = EventTypes.ReasonFailure;
                var cause = _runtimeExited.Task.IsCompleted
                    ? $"Runtime exited with error: exit status {_runtimeExited.Task.Result}"
                    : "the execution environment was shut down";
                invocation.FailByPlatform(ErrorTypes.RuntimeExitError, $"RequestId: {invocation.RequestId} Error: {cause}", Now());
            }
            var head = await invocation.Head.ConfigureAwait(false);
            var tail = await invocation.Tail.ConfigureAwait(false);
            TimeSpan? extensionsDuration = null;
            if (resetReason is null && !timedOut && !_sessions.IsEmpty)
            {
                var idle = await Task.WhenAny(invocation.ExtensionsIdle, deadline, _shutdownStarted.Task).ConfigureAwait(false);
                if (idle == invocation.ExtensionsIdle)
                {
                    var ticks = Math.Max(0, invocation.ExtensionsIdleTimestamp - tail.CompletedTimestamp);
                    extensionsDuration = TimeSpan.FromSeconds((double)ticks / Time.TimestampFrequency);
                }
                else
                {
                    timedOut = idle == deadline;
                    resetReason = timedOut ? EventTypes.ReasonTimeout : EventTypes.ReasonFailure;
                    log.Write($"[{LogSources.Emulator}] Extensions did not finish invocation {invocation.RequestId} before its deadline");
                }
            }
            var duration = Time.GetElapsedTime(invocation.StartTimestamp, tail.CompletedTimestamp);
            var memory = ProcessMemory.PeakKilobytes(ProcessGroups());
            return new InvocationOutcome(head, tail, duration, extensionsDuration, memory, timedOut, resetReason ?? (NeedsReset ? EventTypes.ReasonFailure : null));
        }
        finally
        {
            await deadlineCancellation.CancelAsync().ConfigureAwait(false);
            _ = EndInvokePhaseAsync(invocation, mayFreeze: resetReason is null && !NeedsReset);
        }
    }

    /// <summary>The invoke phase ends when the runtime, too, called next again (Extensions API, "Invoke phase"). Waiting
    /// for it, rather than freezing on the response, lets a proxy extension relay the runtime's 202 before it is frozen.
    /// An external runtime that never calls next again keeps the environment thawed.</summary>
    private async Task EndInvokePhaseAsync(Invocation invocation, bool mayFreeze)
    {
        if (mayFreeze) await Task.WhenAny(invocation.RuntimeReleased, _shutdownStarted.Task).ConfigureAwait(false);
        _invocations.TryRemove(invocation.RequestId, out _);
        FreezeIfIdle(mayFreeze && !_shutdownStarted.Task.IsCompleted);
    }

    /// <summary>The runtime's <c>/next</c>: the next undelivered invocation, or null when this environment is gone.</summary>
    public async Task<Invocation?> NextInvocationAsync(CancellationToken cancellationToken)
    {
        _runtimeCalledNext.TrySetResult();
        foreach (var answered in _invocations.Values.Where(i => i.IsCompleted)) answered.MarkRuntimeReleased();
        while (await _runtimeQueue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_runtimeQueue.Reader.TryRead(out var invocation) && !invocation.IsCompleted) return invocation;
        }
        return null;
    }

    /// <summary>Gives back an invocation whose delivery failed (the runtime's connection broke).</summary>
    public void Redeliver(Invocation invocation) => _runtimeQueue.Writer.TryWrite(invocation);

    private void DeliverToExtensions(Invocation invocation)
    {
        var subscribers = _sessions.Values.Where(s => s.SubscribedTo(EventTypes.Invoke)).ToList();
        invocation.ExpectExtensions(subscribers.Count, Now());
        var body = JsonBodies.InvokeEvent(invocation.Deadline.ToUnixTimeMilliseconds(), invocation.RequestId,
            function.InvokedFunctionArn, invocation.TraceId);
        foreach (var session in subscribers)
        {
            if (!session.Deliver(new ExtensionEvent(body, invocation))) invocation.AcknowledgeExtension(Now());
        }
    }

    private void Thaw()
    {
        lock (_gate)
        {
            _activeInvocations++;
            if (!_frozen) return;
            _frozen = false;
            SignalAll(Signals.SigCont);
        }
    }

    private void FreezeIfIdle(bool mayFreeze)
    {
        lock (_gate)
        {
            _activeInvocations--;
            // Managed Instances (concurrency above 1) run continuously and are never frozen between invocations, as
            // Lambda documents. Freezing there would also race: any worker's /next would release every answered
            // invocation, possibly before a proxy extension relayed another worker's 202.
            if (_activeInvocations > 0 || !mayFreeze || !options.Freeze || options.MaxConcurrency > 1 || _state != EnvironmentState.Ready) return;
            _frozen = true;
            SignalAll(Signals.SigStop);
        }
    }

    private void ThawForShutdown()
    {
        lock (_gate)
        {
            if (!_frozen) return;
            _frozen = false;
            SignalAll(Signals.SigCont);
        }
    }

    private void SignalAll(int signal)
    {
        foreach (var group in ProcessGroups()) Signals.SendToGroup(group, signal);
    }
}
