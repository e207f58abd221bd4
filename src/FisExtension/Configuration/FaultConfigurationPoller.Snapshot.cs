using System.Collections.Immutable;
using FisExtension.Faults;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

namespace FisExtension.Configuration;

/// <summary>
/// The published snapshot. End times are enforced here, on the clock, whether or not the store answers; and when
/// the store stops answering, the last good faults are kept for at most three hot intervals after the last
/// successful poll, then dropped, so that faults stop.
/// </summary>
internal sealed partial class FaultConfigurationPoller
{
    private const int HotIntervalsKeptWithoutStore = 3;

    private ImmutableArray<FaultDefinition> _known = [];
    private DateTimeOffset? _lastSuccessAt;
    private bool _lastPollFailed;
    private Published _published = new(FaultSnapshot.Empty, DateTimeOffset.MaxValue);

    /// <summary>Lock-free while nothing ends; recomputed at the first read after a fault's end or the stale limit.</summary>
    public FaultSnapshot Current
    {
        get
        {
            var published = Volatile.Read(ref _published);
            var now = _time.GetUtcNow();
            return now < published.RecomputeAt ? published.Snapshot : Republish(now);
        }
    }

    private DateTimeOffset? LastSuccessAt
    {
        get
        {
            lock (_gate)
            {
                return _lastSuccessAt;
            }
        }
    }

    private TimeSpan KeptWithoutStore => _hotInterval * HotIntervalsKeptWithoutStore;

    private FaultSnapshot RecordSuccess(ImmutableArray<FaultDefinition> definitions, DateTimeOffset now)
    {
        lock (_gate)
        {
            _known = definitions;
            _lastSuccessAt = now;
            _lastPollFailed = false;
            return Republish(now);
        }
    }

    private FaultSnapshot RecordFailure(DateTimeOffset now)
    {
        lock (_gate)
        {
            _lastPollFailed = true;
            return Republish(now);
        }
    }

    private FaultSnapshot Republish(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_lastPollFailed && !_known.IsEmpty && _lastSuccessAt + KeptWithoutStore <= now)
            {
                _known = [];
                Log.StaleFaultsDropped(_logger, (int)KeptWithoutStore.TotalSeconds);
            }

            var faults = _known.RemoveAll(fault => fault.EndTime <= now);
            var recomputeAt = faults.IsEmpty ? DateTimeOffset.MaxValue : faults.Min(fault => fault.EndTime);
            if (_lastPollFailed && !faults.IsEmpty && _lastSuccessAt + KeptWithoutStore is { } staleAt && staleAt < recomputeAt)
            {
                recomputeAt = staleAt;
            }

            var previous = _published.Snapshot;
            var snapshot = previous.Faults.SequenceEqual(faults) ? previous : new FaultSnapshot(faults);
            Volatile.Write(ref _published, new Published(snapshot, recomputeAt));
            return snapshot;
        }
    }

    private sealed record Published(FaultSnapshot Snapshot, DateTimeOffset RecomputeAt);
}
