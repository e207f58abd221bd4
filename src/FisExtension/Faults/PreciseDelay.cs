namespace FisExtension.Faults;

/// <summary>
/// Waits a requested time to within a fraction of a millisecond: the timer does all but the last stretch,
/// which is spun on the clock, because timer callbacks land up to a few milliseconds late.
/// </summary>
internal static class PreciseDelay
{
    private static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(2);

    public static async Task WaitAsync(TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        if (duration > SpinWindow)
        {
            await Task.Delay(duration - SpinWindow, time, cancellationToken).ConfigureAwait(false);
        }

        while (time.GetElapsedTime(start) < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.SpinWait(64);
        }
    }
}
