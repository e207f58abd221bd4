namespace FisExtension.Faults;

/// <summary>
/// The start delay of one invocation, bound to the fault that asked for it: it ends when the requested time has
/// passed, at the fault's <c>endTime</c>, or as soon as a poll no longer lists the fault — whichever comes first
/// (architecture.md: every fault expires). The fault is followed by its key, so an object rewritten with an
/// earlier <c>endTime</c> releases the delay at that time.
/// </summary>
internal sealed class FaultBoundDelay(IFaultSnapshotSource faults, PollCompletedSignal polls, TimeProvider time)
{
    public async Task<DelayRelease> WaitAsync(FaultDefinition fault, TimeSpan requested, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var known = fault;
        while (true)
        {
            var nextPoll = polls.NextPoll;
            var now = time.GetUtcNow();

            // The published snapshot drops a fault once it has ended, so a missing fault past its end simply ended.
            if (faults.Current.Latest(known) is not { } latest)
            {
                return known.EndTime <= now ? DelayRelease.FaultEnded : DelayRelease.FaultRemoved;
            }

            known = latest;
            if (!latest.IsActiveAt(now))
            {
                return DelayRelease.FaultEnded;
            }

            var remaining = requested - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return DelayRelease.Elapsed;
            }

            var untilEnd = latest.EndTime - now;
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, nextPoll);
            try
            {
                await PreciseDelay.WaitAsync(remaining < untilEnd ? remaining : untilEnd, time, wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A poll completed: look at the new snapshot.
            }
        }
    }
}
