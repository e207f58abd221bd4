using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator;

public sealed partial class LambdaEmulator
{
    private readonly Lock _environmentGate = new();
    private ExecutionEnvironment? _current;
    private TaskCompletionSource<ExecutionEnvironment> _nextEnvironment = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pendingReset = Task.CompletedTask;
    private InitResult? _lastInit;

    // Environments not yet fully shut down: extensions of an environment being reset must still reach their session
    // to receive SHUTDOWN, although the environment is no longer current.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ExecutionEnvironment, bool> _unstopped = new();

    internal ExecutionEnvironment? CurrentEnvironment
    {
        get
        {
            lock (_environmentGate) return _current;
        }
    }

    /// <summary>Runs init now (when not already initialised) instead of on the first invoke.</summary>
    public async Task<InitResult> InitializeAsync(CancellationToken ct = default) => (await EnsureInitializedAsync(ct).ConfigureAwait(false)).Init;

    /// <summary>Shuts the current environment down (the next invoke re-initialises). Without an environment, nothing happens.</summary>
    public async Task<ShutdownResult> ShutdownAsync(string reason = EventTypes.ReasonSpindown, CancellationToken ct = default)
    {
        await _initLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _pendingReset.ConfigureAwait(false);
            var environment = CurrentEnvironment;
            if (environment is null) return new ShutdownResult { Reason = reason };
            return await ResetAsync(environment, reason).ConfigureAwait(false);
        }
        finally
        {
            _initLock.Release();
        }
    }

    internal bool TryFindSession(string extensionId, out ExecutionEnvironment environment, out ExtensionSession session)
    {
        foreach (var candidate in _unstopped.Keys)
        {
            if (candidate.TryGetSession(extensionId, out session))
            {
                environment = candidate;
                return true;
            }
        }
        (environment, session) = (null!, null!);
        return false;
    }

    /// <summary>The environment a runtime's <c>/next</c> belongs to: the live one, or the next one to be created (a
    /// runtime outside the emulator may call before the first invoke starts init).</summary>
    internal async Task<ExecutionEnvironment> WaitForLiveEnvironmentAsync(CancellationToken cancellationToken)
    {
        Task<ExecutionEnvironment> next;
        lock (_environmentGate)
        {
            if (_current is { State: EnvironmentState.Initializing or EnvironmentState.Ready }) return _current;
            next = _nextEnvironment.Task;
        }
        return await next.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ExecutionEnvironment? Environment, InitResult Init)> EnsureInitializedAsync(CancellationToken callerToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _disposing.Token);
        var cancellationToken = linked.Token;
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _pendingReset.ConfigureAwait(false);
            var current = CurrentEnvironment;
            if (current is { State: EnvironmentState.Ready, NeedsReset: false }) return (current, _lastInit!);
            if (current is not null) await ResetAsync(current, EventTypes.ReasonFailure).ConfigureAwait(false);

            var environment = new ExecutionEnvironment(_function, _options, RuntimeApiAddress, _log, _ids);
            _unstopped[environment] = true;
            lock (_environmentGate)
            {
                _current = environment;
                _nextEnvironment.TrySetResult(environment);
            }
            InitResult init;
            try
            {
                init = await environment.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await ResetAsync(environment, EventTypes.ReasonFailure).ConfigureAwait(false);
                throw;
            }
            _lastInit = init;
            if (init.Succeeded) return (environment, init);
            await ResetAsync(environment, EventTypes.ReasonFailure).ConfigureAwait(false);
            return (null, init);
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>After a timeout or a crash: the environment is shut down now, and the next invoke re-initialises.</summary>
    private void ScheduleReset(ExecutionEnvironment environment, string reason)
    {
        lock (_environmentGate)
        {
            _pendingReset = ResetAsync(environment, reason);
        }
    }

    private async Task<ShutdownResult> ResetAsync(ExecutionEnvironment environment, string reason)
    {
        lock (_environmentGate)
        {
            if (_current == environment)
            {
                _current = null;
                _nextEnvironment = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        var result = await environment.ShutdownAsync(reason, _options.ShutdownBudget).ConfigureAwait(false);
        _unstopped.TryRemove(environment, out _);
        return result;
    }
}
