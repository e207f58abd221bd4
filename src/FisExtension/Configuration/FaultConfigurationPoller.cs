using System.Collections.Immutable;
using FisExtension.Faults;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

namespace FisExtension.Configuration;

/// <summary>
/// Polls the store in the background — slow while idle, hot while a fault is active or due — and publishes the
/// faults that have not ended. Never more than one poll in flight. Timers do not run while Lambda freezes the
/// environment, so a poll that fell due meanwhile starts with the next invocation, judged by wall-clock time.
/// </summary>
internal sealed partial class FaultConfigurationPoller : IFaultConfigurationSource
{
    private readonly IFaultConfigurationStore _store;
    private readonly FaultConfigurationReader _reader;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IPollObserver? _observer;
    private readonly TimeSpan _slowInterval;
    private readonly TimeSpan _hotInterval;
    private readonly TimeSpan _pollMaxWait;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _timer;

    private Task _inFlight = Task.CompletedTask;
    private bool _polling;
    private bool _stopped;
    private DateTimeOffset _nextPollAt;

    public FaultConfigurationPoller(IFaultConfigurationStore store, ExtensionOptions options, TimeProvider time, ILogger logger, IPollObserver? observer = null)
    {
        _store = store;
        _reader = new FaultConfigurationReader(store, logger);
        _time = time;
        _logger = logger;
        _observer = observer;
        _slowInterval = options.SlowPollInterval;
        _hotInterval = options.HotPollInterval < options.SlowPollInterval ? options.HotPollInterval : options.SlowPollInterval;
        _pollMaxWait = options.PollMaxWait;
        // The first poll is due from the start: an invocation that reaches the proxy before StartAsync ran (its
        // runtime was waiting in the listener's backlog) starts that poll and waits for it like any other.
        _nextPollAt = time.GetUtcNow();
        _timer = time.CreateTimer(static state => ((FaultConfigurationPoller)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A poll is abandoned after one hot interval, so a hung store cannot stop polling.</summary>
    private TimeSpan PollTimeout => _hotInterval;

    /// <summary>The poll in flight, or a completed task; for tests and shutdown.</summary>
    internal Task PollInFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        StartPollIfDue();
        return Task.CompletedTask;
    }

    public ValueTask OnInvocationAsync(CancellationToken cancellationToken)
    {
        var poll = StartPollIfDue();
        return poll is null || poll.IsCompleted || _pollMaxWait <= TimeSpan.Zero
            ? ValueTask.CompletedTask
            : WaitForPollAsync(poll, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Task inFlight;
        lock (_gate)
        {
            _stopped = true;
            inFlight = _inFlight;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _timer.DisposeAsync().ConfigureAwait(false);
        await inFlight.ConfigureAwait(false);
        _stopping.Dispose();
        (_store as IDisposable)?.Dispose();
    }

    private async ValueTask WaitForPollAsync(Task poll, CancellationToken cancellationToken)
    {
        try
        {
            await poll.WaitAsync(_pollMaxWait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The user's bound on the wait; the poll carries on in the background.
        }
    }

    private void OnTimer()
    {
        if (StartPollIfDue() is null)
        {
            // The timer can fire a little before the wall clock says the poll is due.
            ScheduleTimer();
        }
    }

    /// <summary>The poll in flight, a poll just started because one fell due, or null.</summary>
    private Task? StartPollIfDue()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return null;
            }

            if (_polling)
            {
                return _inFlight;
            }

            if (_time.GetUtcNow() < _nextPollAt)
            {
                return null;
            }

            _polling = true;
            _inFlight = Task.Run(PollAsync, CancellationToken.None);
            return _inFlight;
        }
    }

    private void ScheduleTimer()
    {
        lock (_gate)
        {
            if (_stopped || _polling)
            {
                return;
            }

            var dueIn = _nextPollAt - _time.GetUtcNow();
            _timer.Change(dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PollAsync()
    {
        var started = _time.GetTimestamp();
        StoreResult<ImmutableArray<FaultDefinition>> result;
        try
        {
            Log.PollStarted(_logger, _store.Description, _store.FunctionLocation);
            using var timeout = new CancellationTokenSource(PollTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
            result = await _reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            EndPoll(TimeSpan.Zero);
            return;
        }
        catch (OperationCanceledException)
        {
            result = new StoreFailure("timeout", $"The poll took longer than {(int)PollTimeout.TotalSeconds}s. Check the route to the store; polling carries on.");
        }
        catch (Exception exception)
        {
            // A bug, not a store failure; fail open like one, and keep polling.
            Log.PollCrashed(_logger, exception);
            result = new StoreFailure(exception.GetType().Name, "This is a bug in the extension; please report it.");
        }

        try
        {
            Complete(result, _time.GetElapsedTime(started));
        }
        catch (Exception exception)
        {
            Log.PollCrashed(_logger, exception);
            EndPoll(_hotInterval);
        }
    }

    private void Complete(StoreResult<ImmutableArray<FaultDefinition>> result, TimeSpan latency)
    {
        var now = _time.GetUtcNow();
        var snapshot = result.Failure is null ? RecordSuccess(result.Value, now) : RecordFailure(now);
        var interval = PollCadence.NextInterval(snapshot.Faults, now, _slowInterval, _hotInterval);
        EndPoll(interval);

        if (result.Failure is { } failure)
        {
            Log.PollFailed(_logger, failure.Reason, failure.Remedy);
        }
        else if (snapshot.Faults.IsEmpty)
        {
            Log.NoActiveFaultsFound(_logger, (int)interval.TotalSeconds);
        }
        else
        {
            Log.ActiveFaultsFound(_logger, FaultSummary.Describe(snapshot.Faults, now), (int)interval.TotalSeconds);
        }

        _observer?.OnPollCompleted(new PollOutcome(latency, result.Failure is null, snapshot.Faults.Count(f => f.IsActiveAt(now)), LastSuccessAt));
    }

    private void EndPoll(TimeSpan nextInterval)
    {
        lock (_gate)
        {
            // Once per poll: a failure after the schedule was set (e.g. in the observer) must not move it.
            if (!_polling)
            {
                return;
            }

            _polling = false;
            _nextPollAt = _time.GetUtcNow() + nextInterval;
        }

        ScheduleTimer();
    }
}
