using FisExtension.Configuration;

namespace FisExtension.Faults;

/// <summary>
/// Tells waiting invocations that a poll completed, so that a held delay notices at once when its object is gone
/// (FIS deletes the objects when an action ends or the experiment is stopped).
/// </summary>
internal sealed class PollCompletedSignal : IPollObserver
{
    private CancellationTokenSource _next = new();

    /// <summary>Cancelled when the next poll completes. Read it before reading the snapshot, so that no poll is missed in between.</summary>
    public CancellationToken NextPoll => Volatile.Read(ref _next).Token;

    public void OnPollCompleted(PollOutcome outcome)
    {
        var completed = Interlocked.Exchange(ref _next, new CancellationTokenSource());

        // Waiters resume on the thread pool, not on the poll's thread (IPollObserver: keep it quick).
        _ = completed.CancelAsync();
    }
}
